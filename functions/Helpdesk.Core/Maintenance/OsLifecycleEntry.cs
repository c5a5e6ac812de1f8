namespace Helpdesk.Core.Maintenance;

/// <summary>
/// When an operating system (optionally one version of it) stops getting security updates, and where that is
/// published. <see cref="Os"/> matches the start of an asset's <c>os</c> (whole words, any case); <see cref="Version"/>,
/// when set, one word of its <c>os</c> + <c>osVersion</c> (<c>13</c> matches <c>13.6.1</c>).
/// </summary>
public sealed record OsLifecycleEntry(string Id, string Os, string? Version, DateOnly EndOfSupport, string Source);
