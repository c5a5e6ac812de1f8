using Azure;

namespace Helpdesk.Core.Inventory;

/// <summary>An asset with the ETag it was read with: updates send it back (<c>If-Match</c>), so no change is lost.</summary>
public sealed record StoredAsset(Asset Asset, ETag ETag);
