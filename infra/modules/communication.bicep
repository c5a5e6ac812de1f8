metadata description = 'Optional Azure Communication Services Email with an Azure-managed domain (rate-limited: use a custom domain for real traffic). Its connection string goes into Key Vault for the ACS REST adapter.'

@description('Required. Name prefix of the email and communication services.')
param name string

@description('Required. Where ACS stores data at rest (for example Europe).')
param dataLocation string

@description('Optional. Tags for every resource.')
param tags object = {}

@description('Required. Key Vault that receives the connection string.')
param keyVaultName string

@description('Required. Name of the Key Vault secret for the connection string.')
param connectionStringSecretName string

resource emailService 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: '${name}-email'
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2025-09-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: '${name}-acs'
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      managedDomain.id
    ]
  }
}

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: keyVaultName
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = {
  parent: vault
  name: connectionStringSecretName
  properties: {
    value: communicationService.listKeys().primaryConnectionString
  }
}

@description('Sender address on the Azure-managed domain.')
output senderAddress string = 'DoNotReply@${managedDomain.properties.mailFromSenderDomain}'

@description('Name of the Key Vault secret holding the ACS connection string.')
output connectionStringSecretName string = connectionStringSecret.name
