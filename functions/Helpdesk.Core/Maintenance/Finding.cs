using Helpdesk.Core.Inventory;

namespace Helpdesk.Core.Maintenance;

/// <summary>
/// What a rule found about an asset at one scan. <see cref="Rule"/> + <see cref="Threshold"/> name the reminder
/// (e.g. <c>os-eos</c> / <c>30d</c>, <c>backup</c> / <c>since-20270301T220000</c>, <c>plan-firmware</c> /
/// <c>202704010800</c>): each is sent once per asset, and claimed under <see cref="Key"/>.
/// </summary>
public sealed record Finding(
    Asset Asset,
    MaintenanceRuleKind Kind,
    string Rule,
    string Threshold,
    Urgency Urgency,
    bool OpensTicket,
    DateOnly? Due = null,
    int? Days = null,
    DateTimeOffset? Since = null,
    string? Label = null,
    string? Source = null)
{
    /// <summary>The claim's row key: tag, rule and threshold (characters allowed in table keys only).</summary>
    public string Key => $"{Asset.Tag}|{Rule}|{Threshold}";
}
