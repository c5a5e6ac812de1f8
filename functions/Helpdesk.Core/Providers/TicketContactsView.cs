namespace Helpdesk.Core.Providers;

/// <summary>A ticket's asset (null when it names none, or a tag the inventory does not know) and the providers to call, most specific first.</summary>
public sealed record TicketContactsView(string? AssetTag, TicketAsset? Asset, IReadOnlyList<Provider> Providers);
