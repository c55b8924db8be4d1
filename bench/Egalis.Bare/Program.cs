// The plaintext endpoint of the TechEmpower benchmarks: what ASP.NET Core answers when it does nothing else.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/plaintext", () => Results.Text("Hello, World!"));
app.Run();
