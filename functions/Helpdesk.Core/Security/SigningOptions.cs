namespace Helpdesk.Core.Security;

/// <summary>
/// The instance's signing key (section <c>Helpdesk:Signing</c>): signs what the product hands out and must recognise
/// later without storing it — reply addresses and Message-IDs of its mails, requester status links. A secret: Key Vault
/// on Azure (secret <c>signing-key</c>), generated into <c>.local/signing-key</c> by the standalone host in Development.
/// Rotating it invalidates every link and reply address issued before (replies still thread by headers and subject).
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "Helpdesk:Signing";

    /// <summary>Base64 of at least 32 random bytes (<c>openssl rand -base64 32</c>).</summary>
    public string Key { get; set; } = "";
}
