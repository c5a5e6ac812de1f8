namespace Helpdesk.InfraTests;

/// <summary>
/// Deploying twice with no change must be a no-op. ARM converges to the template, so the template must be the same
/// on every run: two builds give byte-identical ARM JSON, and nothing in it changes by itself between deployments
/// (utcNow() or newGuid() outside a parameter default would rename or rewrite resources on each run). On Azure,
/// <c>az deployment group what-if</c> shows the remaining drift (docs/deploy.md).
/// </summary>
public sealed class TemplateIdempotenceTests
{
    [Fact]
    public async Task MainTemplate_TwoBuilds_GiveTheSameArmJson()
    {
        var first = await CompiledTemplate.MainJsonAsync();
        var second = await BicepCli.RunAsync("build", Path.Combine(BicepCli.InfraDirectory, "main.bicep"), "--stdout");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(first, second.StandardOutput);
    }

    [Fact]
    public async Task MainTemplate_HasNoValueThatChangesBetweenRuns()
    {
        var template = await CompiledTemplate.BuildMainAsync();

        // Parameter defaults are evaluated once per deployment too, but none of ours needs the clock or a random value.
        var json = CompiledTemplate.Text(template);
        Assert.DoesNotContain("utcNow(", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("newGuid(", json, StringComparison.OrdinalIgnoreCase);
    }
}
