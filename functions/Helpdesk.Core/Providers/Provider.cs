namespace Helpdesk.Core.Providers;

/// <summary>
/// One entry of the tenant's provider directory, as stored in Table Storage and written by the <c>/api/providers</c>
/// routes: whom to call for what — the reference IT contact, the internet/phone provider, a business-software vendor —
/// with the contract, how to reach them, when, and what they cover (ticket categories, asset tags and asset types; an
/// asset can also name its provider by id in its <c>provider</c> field).
/// </summary>
public sealed record Provider
{
    /// <summary>Stable id, 1 to 40 lower-case letters, digits and '-' (an asset's <c>provider</c> and a wait on a provider name it).</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>One of <see cref="ProviderReader.Kinds"/>: <c>it</c> (the reference IT contact), <c>internet</c>, <c>phone</c>, <c>business-software</c>, <c>hardware</c>, <c>other</c>.</summary>
    public required string Kind { get; init; }

    public string? ContractNumber { get; init; }
    public string? SupportPhone { get; init; }
    public string? SupportEmail { get; init; }
    public string? SupportUrl { get; init; }

    /// <summary>When they answer, as people say it ("Mon–Fri 8–18", "24/7").</summary>
    public string? Hours { get; init; }

    /// <summary>Contracted response time, as written in the contract ("4 h", "next business day").</summary>
    public string? ResponseTime { get; init; }

    /// <summary>Ticket categories they cover (<c>internet</c>, <c>business-software</c>...), in wire form.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Asset tags they cover, normalized (upper case), besides assets whose <c>provider</c> names them.</summary>
    public IReadOnlyList<string> AssetTags { get; init; } = [];

    /// <summary>Asset types they cover (<c>printer</c>, <c>firewall</c>...), in wire form.</summary>
    public IReadOnlyList<string> AssetTypes { get; init; } = [];

    /// <summary>Anything else a technician must know before calling (customer number to quote, escalation line...).</summary>
    public string? Notes { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>True when the provider is the one to call for this category (also the reference IT contact's fallback rule).</summary>
    public bool Covers(string category) => Categories.Contains(category, StringComparer.OrdinalIgnoreCase);
}
