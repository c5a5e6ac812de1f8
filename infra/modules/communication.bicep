metadata description = 'Optional Azure Communication Services Email with an Azure-managed domain (rate-limited: use a custom domain for real traffic). The app sends with its managed identity (role assignment below); the connection string goes into Key Vault only for access-key authentication.'

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

@description('Optional. Write the access-key connection string into Key Vault (access-key authentication only).')
param storeConnectionString bool = false

@description('Optional. The client\'s own mail domain (e.g. helpdesk.fabrikam.ie), created as a customer-managed domain. Empty: the Azure-managed domain only.')
param customDomain string = ''

@description('Optional. Link the custom domain and send from DoNotReply@<customDomain>. Set it only once the domain\'s DNS records are verified: ACS refuses to link an unverified domain.')
param linkCustomDomain bool = false

@description('Required. Principal (object) id of the app identity, allowed to send mail with Entra ID tokens.')
param appPrincipalId string

// "Communication and Email Service Owner": ACS has no narrower data-plane role that allows sending mail (azure-docs
// communication-services/concepts/authentication.md). Id from the built-in role list; confirm with
// az role definition list --name 'Communication and Email Service Owner'.
var communicationOwnerRoleId = '09976791-48a7-449e-bb21-39d1a415f350'

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

// Declared here, not added in the portal: a redeploy sets linkedDomains to exactly this list.
resource clientDomain 'Microsoft.Communication/emailServices/domains@2025-09-01' = if (!empty(customDomain)) {
  parent: emailService
  name: empty(customDomain) ? 'unused' : customDomain
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

var sendsFromCustomDomain = !empty(customDomain) && linkCustomDomain

resource communicationService 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: '${name}-acs'
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: concat([managedDomain.id], sendsFromCustomDomain ? [clientDomain.id] : [])
  }
}

resource mailSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, appPrincipalId, communicationOwnerRoleId)
  scope: communicationService
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', communicationOwnerRoleId)
  }
}

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' existing = if (storeConnectionString) {
  name: keyVaultName
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (storeConnectionString) {
  parent: vault
  name: connectionStringSecretName
  properties: {
    value: communicationService.listKeys().primaryConnectionString
  }
}

@description('Sender address: on the custom domain once linked, else on the Azure-managed domain.')
output senderAddress string = sendsFromCustomDomain
  ? 'DoNotReply@${customDomain}'
  : 'DoNotReply@${managedDomain.properties.mailFromSenderDomain}'

@description('DNS records that prove and authorize the custom domain (Domain, SPF, DKIM, DKIM2, DMARC), to publish at the client\'s DNS host; empty without a custom domain.')
output customDomainDnsRecords object = clientDomain.?properties.verificationRecords ?? {}

@description('Endpoint of the communication service, for the managed-identity sender.')
output endpoint string = 'https://${communicationService.properties.hostName}/'
