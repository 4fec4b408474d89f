// Azure Bot registration: SingleTenant (multi-tenant bot registrations are deprecated), the
// Entra app's client id as bot id, messaging endpoint on the Function App, Teams and
// Microsoft 365 (Outlook / M365 app message extensions) channels.

@description('Bot resource name (globally unique bot handle).')
param name string

@description('Display name shown in the bot registration.')
param displayName string

@description('Entra app (client) id used as the bot id.')
param appId string

@description('Tenant the Entra app is registered in.')
param tenantId string

@description('Host name of the Function App serving /api/messages.')
param endpointHost string

@description('Pricing tier: F0 (free, standard channels are free anyway) or S1.')
@allowed(['F0', 'S1'])
param sku string

@description('Tags for every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: 'https://${endpointHost}/api/messages'
    msaAppId: appId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

resource microsoft365 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'M365Extensions'
  location: 'global'
  properties: {
    channelName: 'M365Extensions'
  }
}

output name string = bot.name
output endpoint string = bot.properties.endpoint
