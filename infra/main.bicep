// Support plans for teacher training: one deployment per training provider (or per host
// organisation). Resource-group scope:
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json
// No secrets: every Azure service is reached with the Function App's managed identity, and
// the bot authenticates as the Entra app through a federated credential on that identity.
targetScope = 'resourceGroup'

@description('Short lower-case name (letters, digits) used to derive resource names, e.g. "brightfutures".')
@minLength(3)
@maxLength(14)
param appName string

@description('Azure region for everything except the bot (global). Must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Entra app (client) id: multi-tenant app registration used for tab SSO and as the bot id.')
@minLength(36)
@maxLength(36)
param authClientId string

@description('Tenant id the Entra app is registered in (the provider tenant).')
@minLength(36)
@maxLength(36)
param authTenantId string = tenant().tenantId

@description('Function App name; its default host <name>.azurewebsites.net serves the API, the bot and the tab.')
param functionAppName string = 'func-${appName}-${uniqueString(resourceGroup().id)}'

@description('Host name the tab is served from (no https://). Defaults to the Function App host, whose tab-get function serves /tab/, /tab/privacy and /tab/terms (ADR 0014). A custom domain must be bound to the Function App (docs/deploy.md, step 2).')
param tabDomain string = '${functionAppName}.azurewebsites.net'

@description('Storage account name (3-24 lower-case letters and digits, globally unique).')
param storageAccountName string = take('st${replace(appName, '-', '')}${uniqueString(resourceGroup().id)}', 24)

@description('Storage redundancy.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_ZRS'

@description('Bot resource name (globally unique bot handle).')
param botName string = 'bot-${appName}-${uniqueString(resourceGroup().id)}'

@description('Bot display name.')
param botDisplayName string = 'Support Plans'

@description('Bot pricing tier.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Optional Entra object id of the administrator who writes the first provider row (Storage Table Data Contributor). Empty: none.')
param adminPrincipalId string = ''

@description('Memory per Function App instance (MB).')
@allowed([2048, 4096])
param instanceMemoryMB int = 2048

@description('Maximum Function App instances (Flex Consumption accepts 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances for the HTTP functions (the API, the bot and the tab). 0 (default): the first request after an idle spell waits for a cold start; 1 keeps the tab and the API warm, billed while idle.')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int = 0

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('Tags for every resource.')
param tags object = { app: 'support-plans', appName: appName }

var suffix = uniqueString(resourceGroup().id)
var deploymentContainerName = 'app-package'
var authAppIdUri = 'api://${tabDomain}/botid-${authClientId}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${appName}-${suffix}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSku
    deploymentContainerName: deploymentContainerName
    tableNames: ['cases', 'providers', 'dueIndex', 'botConversations']
    queueNames: ['outbox', 'outbox-poison']
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${appName}-${suffix}'
    appInsightsName: 'appi-${appName}-${suffix}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  params: {
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    appPrincipalId: identity.outputs.principalId
    adminPrincipalId: adminPrincipalId
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'functionApp'
  // The host starts as soon as the site exists: give it its storage roles first.
  dependsOn: [rbac]
  params: {
    name: functionAppName
    planName: 'plan-${appName}-${suffix}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    authClientId: authClientId
    authAppIdUri: authAppIdUri
    botTenantId: authTenantId
    publicTabOrigin: 'https://${tabDomain}'
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: botName
    displayName: botDisplayName
    appId: authClientId
    tenantId: authTenantId
    endpointHost: functionApp.outputs.defaultHostName
    sku: botSku
    tags: tags
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHost string = functionApp.outputs.defaultHostName
output tabDomain string = tabDomain
// The addresses the Teams manifest names (manifest/manifest.template.json), all served by the
// Function App's tab-get function from the deployment package's dist/tab.
output tabUrl string = 'https://${tabDomain}/tab/'
output privacyUrl string = 'https://${tabDomain}/tab/privacy'
output termsUrl string = 'https://${tabDomain}/tab/terms'
output authAppIdUri string = authAppIdUri
output botEndpoint string = bot.outputs.endpoint
output storageAccountName string = storage.outputs.name
output tablesEndpoint string = storage.outputs.tableEndpoint
output managedIdentityClientId string = identity.outputs.clientId
// For the Entra app's federated credential (docs/deploy.md): subject and issuer.
output managedIdentityPrincipalId string = identity.outputs.principalId
output federatedCredentialIssuer string = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
