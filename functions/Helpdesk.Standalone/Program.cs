using Helpdesk.Standalone;

await StandaloneApp.Create(args).RunAsync();

/// <summary>Entry point, visible to tests that host the product in-process.</summary>
public partial class Program;
