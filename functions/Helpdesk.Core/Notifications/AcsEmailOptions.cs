
namespace Helpdesk.Core.Notifications;

public sealed class AcsEmailOptions
{
    /// <summary><c>endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64&gt;</c>; from Key Vault on Azure.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Address of a verified ACS sender domain, e.g. <c>DoNotReply@&lt;guid&gt;.azurecomm.net</c>. Replies go to the support address.</summary>
    public string? SenderAddress { get; set; }

    /// <summary>Longest wait for the send operation to reach a final state; past it the send counts as transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Poll interval when ACS gives no <c>Retry-After</c>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
