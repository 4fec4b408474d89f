import { providerTenantPolicy } from '../../../../functions/src/http/app-wiring';
import type { ProviderDirectory } from '../../../../functions/src/services/provider-directory';

const school = '22222222-2222-4222-8222-222222222222';

function directory(tenantLists: string[][]): ProviderDirectory {
  const providers = new Map(tenantLists.map((tenants, i) => [`p${i}`, { settings: { tenants } }]));
  return { all: () => Promise.resolve(providers) } as unknown as ProviderDirectory;
}

describe('tenant allow-list from the provider directory', () => {
  it('A7: admits the union of every provider’s tenants and nothing else', async () => {
    const allowed = providerTenantPolicy(
      directory([['11111111-1111-4111-8111-111111111111'], [school.toUpperCase()]]),
    );
    await expect(allowed('11111111-1111-4111-8111-111111111111')).resolves.toBe(true);
    await expect(allowed(school)).resolves.toBe(true);
    await expect(allowed('99999999-9999-4999-8999-999999999999')).resolves.toBe(false);
  });

  it('admits nobody when no provider is configured', async () => {
    await expect(providerTenantPolicy(directory([]))(school)).resolves.toBe(false);
  });
});
