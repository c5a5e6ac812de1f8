metadata description = 'Key Vault (RBAC authorization) holding the app secrets; the app reads them through Key Vault references in app settings.'

@description('Required. Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Tags for every resource.')
param tags object = {}

@description('Required. Principal (object) id of the app identity, granted Key Vault Secrets User.')
param appPrincipalId string

@description('Optional. Secrets to create or update, as name/value pairs. Empty values are skipped: set those later with az keyvault secret set.')
@secure()
param secrets object = {}

var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretResources 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = [
  for secret in filter(items(secrets), s => !empty(s.value)): {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
    }
  }
]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
  }
}

@description('Key Vault name, for @Microsoft.KeyVault(VaultName=...;SecretName=...) references.')
output name string = vault.name

@description('Key Vault URI.')
output uri string = vault.properties.vaultUri
