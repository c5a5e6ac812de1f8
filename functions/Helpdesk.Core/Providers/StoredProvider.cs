using Azure;

namespace Helpdesk.Core.Providers;

/// <summary>A provider as read from storage, with the ETag an update or delete must present.</summary>
public sealed record StoredProvider(Provider Provider, ETag ETag);
