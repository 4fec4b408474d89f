import type { ApiResponse } from './route-types';

/** A generated file as a download: its type, a safe attachment name, and the bytes. */
export function fileResponse(file: {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}): ApiResponse {
  const safe = file.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${safe}"`,
    },
    body: file.bytes,
  };
}
