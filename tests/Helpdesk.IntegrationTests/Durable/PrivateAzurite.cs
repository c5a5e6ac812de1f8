using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Durable;

/// <summary>
/// A private Azurite for the durable engine tests (xunit class fixture): they stop and restart engines on one task hub,
/// so they get an instance of their own from <see cref="Azurite.StartPrivateAsync"/> rather than the shared one.
/// </summary>
public sealed class PrivateAzurite : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>Connection string with explicit endpoints.</summary>
    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync() => _azurite = await Azurite.StartPrivateAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
