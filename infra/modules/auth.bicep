// App Service authentication (Easy Auth) with Microsoft Entra ID in front of the function app: it signs technicians
// in for the console and passes each request's client principal (X-MS-CLIENT-PRINCIPAL) to the app, which maps it to
// the roster and refuses anyone not on it (Helpdesk.Core/Technicians). Anonymous requests still reach the app
// (AllowAnonymous): the request form and ticket creation are public, the technician API keeps its function keys, and
// console pages send a browser without a principal to /.auth/login/aad themselves.
// Flex Consumption: authsettingsV2 deploys on FC1 (no explicit support statement in the docs, see docs/configuration.md);
// check after deployment that /api/console redirects to the Entra sign-in.

@description('Required. Name of the existing function app.')
param siteName string

@description('Required. Directory (tenant) id of the client company\'s Microsoft Entra ID.')
param entraTenantId string

@description('Required. Application (client) id of the Entra app registration of the helpdesk (redirect URI https://<host>/.auth/login/aad/callback).')
param entraClientId string

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: siteName
}

resource auth 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
          // No client secret: the ID token flow, so no secret to keep (enable "ID tokens" on the app registration).
          clientId: entraClientId
        }
        validation: {
          allowedAudiences: [
            entraClientId
            'api://${entraClientId}'
          ]
        }
      }
    }
  }
}
