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

    /// <summary>Language of the mails to providers: <c>fr</c> or <c>en</c> (default).</summary>
    public string MailLanguage { get; set; } = "en";
}
