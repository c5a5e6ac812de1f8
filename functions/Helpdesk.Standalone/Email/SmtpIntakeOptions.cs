namespace Helpdesk.Standalone.Email;

/// <summary>
/// The optional SMTP listener of the standalone host (section <c>Helpdesk:Inbound:Smtp</c>): set <c>Port</c> to let
/// a self-hosted instance be an MX target, or to test with any mail client. Plain SMTP without authentication: it
/// accepts mail for the support address(es) only, so it relays nothing.
/// </summary>
public sealed class SmtpIntakeOptions
{
    public const string Section = "Helpdesk:Inbound:Smtp";

    /// <summary>The port to listen on; null (default) keeps the listener off.</summary>
    public int? Port { get; set; }

    /// <summary>The address to listen on: loopback by default; <c>0.0.0.0</c> to receive from the network.</summary>
    public string Address { get; set; } = "127.0.0.1";
}
