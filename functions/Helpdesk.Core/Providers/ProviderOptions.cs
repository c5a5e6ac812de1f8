namespace Helpdesk.Core.Providers;

/// <summary>
/// One entry of the provider directory's settings seed (<c>Helpdesk:Providers:Directory:{n}</c>, imported once into Table Storage, see <see cref="ProviderStore"/>): whom to call for what — the
/// reference IT contact, the internet/phone provider, a business-software vendor — with the contract, how to reach
/// them, when, and what they cover (ticket categories and asset tags; an asset also names its provider by id).
/// </summary>
public sealed class ProviderOptions
{
    /// <summary>Stable id, lower-case letters, digits and '-' (an asset's <c>provider</c> field names it).</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary><c>it</c>, <c>internet</c>, <c>phone</c>, <c>business-software</c>, <c>hardware</c> or <c>other</c>.</summary>
    public string Kind { get; set; } = "other";

    public string? ContractNumber { get; set; }
    public string? SupportPhone { get; set; }
    public string? SupportEmail { get; set; }
    public string? SupportUrl { get; set; }

    /// <summary>When they answer, as people say it ("Mon–Fri 8–18", "24/7").</summary>
    public string? Hours { get; set; }

    /// <summary>Contracted response time, as written in the contract ("4 h", "next business day").</summary>
    public string? ResponseTime { get; set; }

    /// <summary>Ticket categories they cover (<c>internet</c>, <c>business-software</c>...).</summary>
    public List<string> Categories { get; } = [];

    /// <summary>Asset tags they cover, besides assets whose <c>provider</c> names them.</summary>
    public List<string> Assets { get; } = [];

    /// <summary>Asset types they cover (<c>printer</c>, <c>firewall</c>...).</summary>
    public List<string> AssetTypes { get; } = [];

    public string? Notes { get; set; }
}
