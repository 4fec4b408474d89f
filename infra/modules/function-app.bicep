// Flex Consumption (FC1) Function App on Linux, Node 22, running as a user-assigned identity:
// deployment package, AzureWebJobsStorage, tables and telemetry all use that identity.
// One origin serves everything: the API and the bot under /api/, the built tab (with its CSP)
// under /tab/ from the package's dist/tab (host.json routePrefix "", ADR 0014).

@description('Function App name (globally unique; the default host is <name>.azurewebsites.net).')
param name string

@description('App Service plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Blob endpoint of the storage account, without a trailing slash.')
param blobEndpoint string

@description('Table endpoint of the storage account, without a trailing slash.')
param tableEndpoint string

@description('Queue endpoint of the storage account (the outbox queue), without a trailing slash.')
param queueEndpoint string

@description('URL of the deployment package container.')
param deploymentContainerUrl string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Entra app (client) id: SSO audience and bot id.')
param authClientId string

@description('Application ID URI of the Entra app, api://<tab domain>/botid-<client id>.')
param authAppIdUri string

@description('Tenant id the bot registration (SingleTenant) belongs to.')
param botTenantId string

@description('Origin the tab is served from, https://<tab domain>.')
param publicTabOrigin string

@description('Memory per instance (MB).')
@allowed([2048, 4096])
param instanceMemoryMB int

@description('Upper bound on instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Always-ready instances of the HTTP group (API, bot, tab); 0 = scale from zero.')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int = 0

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertMode: 'Optional'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyHttpInstances == 0 ? [] : [{ name: 'http', instanceCount: alwaysReadyHttpInstances }]
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }
}

// Flex Consumption takes the runtime from functionAppConfig: no FUNCTIONS_WORKER_RUNTIME here.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    APP_ENV: 'production'
    AZURE_TABLES_ENDPOINT: tableEndpoint
    AZURE_CLIENT_ID: identityClientId
    AUTH_CLIENT_ID: authClientId
    AUTH_APP_ID_URI: authAppIdUri
    BOT_CLIENT_ID: authClientId
    BOT_TENANT_ID: botTenantId
    PUBLIC_TAB_ORIGIN: publicTabOrigin
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: blobEndpoint
    // The outbox: our enqueue after each commit, and the queue trigger's identity connection.
    AZURE_QUEUES_ENDPOINT: queueEndpoint
    OUTBOX_QUEUE_NAME: 'outbox'
    OUTBOX_QUEUE__queueServiceUri: queueEndpoint
    OUTBOX_QUEUE__credential: 'managedidentity'
    OUTBOX_QUEUE__clientId: identityClientId
    // Graph app-only for the outbox relay: the app registration, signed in by the managed
    // identity's federated credential (deploy guide step 3), never a secret.
    GRAPH_CLIENT_ID: authClientId
    GRAPH_CREDENTIAL: 'managed-identity'
  }
}

// Publishing with basic (username/password) credentials is off: deploy with an Entra sign-in.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
