namespace Helpdesk.Core.Providers;

/// <summary>
/// Section <c>Helpdesk:Providers</c>: the directory's settings seed (imported once into Table Storage, see
/// <see cref="ProviderStore"/>; the <c>/api/providers</c> routes are the truth afterwards) and how mails to providers read.
/// </summary>
public sealed class ProviderDirectoryOptions
{
    public const string Section = "Helpdesk:Providers";

    public List<ProviderOptions> Directory { get; } = [];

    /// <summary>The client company as providers know it (named in mails to them); the requester's mail domain when unset.</summary>
    public string? CompanyName { get; set; }

    /// <summary>
    /// How long the request form and its confirmation reuse the directory they read for "whom to call in an emergency"
    /// (default 30 s, 0 to 10 minutes; 0 reads it on every page). Every form page and every form post read it otherwise,
    /// one storage request each on the path a requester waits on. A change made through this instance is seen at
    /// once; one made through another instance within this time. The technicians' API always reads the table.
    /// </summary>
    public TimeSpan EmergencyLinesCache { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Language of the mails to providers: <c>fr</c> or <c>en</c> (default).</summary>
    public string MailLanguage { get; set; } = "en";
}
