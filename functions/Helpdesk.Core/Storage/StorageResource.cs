namespace Helpdesk.Core.Storage;

/// <summary>
/// A table, queue or blob container a feature needs. Each feature declares its own with
/// <see cref="StorageServiceCollectionExtensions.AddStorageResources"/>; <see cref="StorageInitializer"/> creates them
/// all at start-up. A queue brings its poison queue along.
/// </summary>
public sealed record StorageResource(StorageResourceKind Kind, string Name);
