using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Technicians;

/// <summary>
/// At start, an empty roster gets its first admin (<see cref="TechniciansOptions.FirstAdminEmail"/>), all levels, so
/// that a new installation can be signed into at all. The key is written once to
/// <see cref="TechniciansOptions.FirstAdminKeyFile"/> when set (<c>./scripts/run.sh</c> prints how to use it); behind
/// Entra ID the admin signs in by address and needs no key. Runs after the storage initializer (registered later).
/// </summary>
internal sealed class RosterBootstrap(Roster roster, IOptions<TechniciansOptions> options, ILogger<RosterBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.FirstAdminEmail) || !await roster.IsEmptyAsync(cancellationToken))
        {
            return;
        }

        var added = await roster.AddAsync(o.FirstAdminName, o.FirstAdminEmail, [SupportLevel.L1, SupportLevel.L2, SupportLevel.L3], "fr",
            TechnicianRole.Admin, cancellationToken);
        if (added is not { } admin || string.IsNullOrWhiteSpace(o.FirstAdminKeyFile))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.FirstAdminKeyFile))!);
        await File.WriteAllTextAsync(o.FirstAdminKeyFile, admin.Key + "\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(o.FirstAdminKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        TechniciansLog.FirstAdminAdded(logger, o.FirstAdminKeyFile);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
