namespace Helpdesk.Core.Inventory;

/// <summary>
/// A dated line of an asset's documentation: an intervention written by a technician, or a ticket that named the asset
/// (<see cref="Ticket"/> set, written by itself when the ticket is created).
/// </summary>
public sealed record AssetLogEntry(DateTimeOffset At, string Actor, string Text, int? Ticket = null);
