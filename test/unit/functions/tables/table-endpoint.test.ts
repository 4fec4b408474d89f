import { InsecureEndpointError } from '../../../../functions/src/infrastructure/tables/storage-errors';
import {
  allowsInsecure,
  tableEndpointOf,
} from '../../../../functions/src/infrastructure/tables/table-endpoint';
import { azuriteConnectionString } from '../../../support/azurite';

test('plain http is allowed only on 127.0.0.1 and localhost', () => {
  expect(allowsInsecure('http://127.0.0.1:10002/devstoreaccount1')).toBe(true);
  expect(allowsInsecure('http://localhost:10002/devstoreaccount1')).toBe(true);
  expect(allowsInsecure('https://acct.table.core.windows.net')).toBe(false);
  expect(() => allowsInsecure('http://acct.table.core.windows.net')).toThrow(InsecureEndpointError);
  expect(() => allowsInsecure('http://10.0.0.5:10002/devstoreaccount1')).toThrow(
    InsecureEndpointError,
  );
});

test('the table endpoint is read from Azurite, development and account connection strings', () => {
  expect(tableEndpointOf(azuriteConnectionString(4321))).toBe(
    'http://127.0.0.1:4321/devstoreaccount1',
  );
  expect(tableEndpointOf('UseDevelopmentStorage=true')).toBe(
    'http://127.0.0.1:10002/devstoreaccount1',
  );
  expect(
    tableEndpointOf(
      'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net',
    ),
  ).toBe('https://acct.table.core.windows.net');
});
