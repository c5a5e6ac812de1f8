using Helpdesk.Core;
using Helpdesk.Standalone;

var builder = WebApplication.CreateBuilder(args);
builder.AddHelpdeskStandalone();

var app = builder.Build();
app.UseHelpdeskErrorHandling();
app.MapHelpdeskEndpoints();
app.Run();

/// <summary>Entry point, visible to tests that host the product in-process.</summary>
public partial class Program;
