namespace Helpdesk.Standalone.Email;

/// <summary>
/// The inbound mail key of the standalone host (setting <c>Helpdesk:Inbound:Key</c>, env <c>Helpdesk__Inbound__Key</c>):
/// what relays and webhook providers present (<c>?code=</c> or <c>x-functions-key</c>) on the raw, SendGrid and
/// Postmark routes. Separate from the technicians' key, so that a webhook URL that leaks opens nothing else. Without
/// it those routes answer 401.
/// </summary>
public sealed class InboundKeyOptions
{
    public const string Section = "Helpdesk:Inbound";
    public const string Header = "x-functions-key";
    public const string Query = "code";
    public const int MinLength = 24;

    public string? Key { get; set; }
}
