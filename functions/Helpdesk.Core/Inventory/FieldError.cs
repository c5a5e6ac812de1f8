namespace Helpdesk.Core.Inventory;

/// <summary>One problem with one field of an asset, in words a technician can act on.</summary>
public sealed record FieldError(string Field, string Error);
