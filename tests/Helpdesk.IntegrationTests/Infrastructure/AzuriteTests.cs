using System.Net.Sockets;
using Azure.Data.Tables;

namespace Helpdesk.IntegrationTests.Infrastructure;

public sealed class AzuriteTests
{
    [Fact]
    public async Task SharedInstance_StoresAndReadsTableEntity()
    {
        var azurite = await Azurite.StartAsync();
        var table = new TableClient(azurite.ConnectionString, $"fixture{Guid.NewGuid():N}");
        await table.CreateAsync();

        await table.AddEntityAsync(new TableEntity("tickets", "0001") { ["Title"] = "Écran noir" });
        var entity = await table.GetEntityAsync<TableEntity>("tickets", "0001");

        Assert.Equal("Écran noir", entity.Value.GetString("Title"));
    }

    [Fact]
    public async Task SharedInstance_IsStartedOnce()
    {
        var first = await Azurite.StartAsync();
        var second = await Azurite.StartAsync();

        Assert.Same(first, second);
        Assert.Same(first, Azurite.Instance);
    }

    [Fact]
    public async Task PrivateInstance_CountsRequestsAndStopsOnDispose()
    {
        var debugLog = Path.Combine(Path.GetTempPath(), $"azurite-debug-{Guid.NewGuid():N}.log");
        int tablePort;
        try
        {
            await using (var azurite = await Azurite.StartPrivateAsync(debugLog))
            {
                tablePort = azurite.TablePort;
                Assert.NotEqual((await Azurite.StartAsync()).TablePort, tablePort);

                var table = new TableClient(azurite.ConnectionString, "counted");
                await table.CreateAsync();
                for (var i = 0; i < 3; i++)
                {
                    await table.AddEntityAsync(new TableEntity("p", $"r{i}"));
                }

                // Create table (POST /Tables) + 3 inserts (POST /counted).
                Assert.Equal(3, await azurite.CountRequestsAsync("/devstoreaccount1/counted"));
                Assert.True(await azurite.CountRequestsAsync() >= 4);
            }

            using var client = new TcpClient();
            await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", tablePort));
        }
        finally
        {
            File.Delete(debugLog);
        }
    }
}
