using Helpdesk.Core.Intake;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Providers;

/// <summary>
/// The form's and confirmation's "whom to call in an emergency", from the directory: for a category, the first
/// provider (by name) covering it that has a support phone; for anything else the reference IT contact (kind
/// <c>it</c>) with a phone. One read of the directory's partition per page.
/// </summary>
public sealed class ProviderEmergencyLines(ProviderDirectory directory) : IEmergencyLines
{
    public async Task<IReadOnlyList<EmergencyLine>> ForFormAsync(CancellationToken cancellationToken)
    {
        var all = await directory.AllAsync(cancellationToken);
        var lines = new List<EmergencyLine>();
        foreach (var category in Enum.GetValues<Category>())
        {
            if (Covering(all, category) is { } line)
            {
                lines.Add(line);
            }
        }

        if (Reference(all) is { } reference)
        {
            lines.Add(reference);
        }

        return lines;
    }

    public async Task<EmergencyLine?> ForCategoryAsync(Category category, CancellationToken cancellationToken)
    {
        var all = await directory.AllAsync(cancellationToken);
        return Covering(all, category) ?? Reference(all);
    }

    private static EmergencyLine? Covering(IReadOnlyList<Provider> all, Category category)
    {
        var wire = WireName.Of(category);
        return all.FirstOrDefault(p => p.SupportPhone is not null && p.Covers(wire)) is { } p
            ? new EmergencyLine(wire, p.Name, p.SupportPhone!, p.Hours)
            : null;
    }

    private static EmergencyLine? Reference(IReadOnlyList<Provider> all) =>
        all.FirstOrDefault(p => p.Kind == "it" && p.SupportPhone is not null) is { } p ? new EmergencyLine(null, p.Name, p.SupportPhone!, p.Hours) : null;
}
