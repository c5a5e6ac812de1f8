using Azure;

namespace Helpdesk.Core.Intake;

/// <summary>
/// An attachment blob as the sweep lists it: when it was created, and what its metadata says: the ticket it was
/// marked for before that ticket was written (<see cref="Ticket"/>) and whether a sweep already saw that ticket
/// reference it (<see cref="Attached"/>).
/// </summary>
public sealed record AttachmentBlob(string Name, DateTimeOffset CreatedOn, ETag ETag, int? Ticket, bool Attached, IReadOnlyDictionary<string, string> Metadata);
