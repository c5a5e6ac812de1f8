metadata description = 'User-assigned managed identity of the function app. Created first, so that role assignments exist before the app starts.'

@description('Required. Name of the identity.')
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Tags for every resource.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client (application) id: what the app passes to ManagedIdentityCredential / AZURE_CLIENT_ID.')
output clientId string = identity.properties.clientId

@description('Object id of the service principal, for role assignments.')
output principalId string = identity.properties.principalId
