namespace Egalis.Web.Platform.Data;

/// <summary>
/// The living demo: in Development only, and only when <c>Egalis:Demo</c> is set (appsettings.Development.json does),
/// each module's demo seeder fills the platform as if it had been in use since 2020. Never in Production, whatever is set.
/// </summary>
public static class Demonstration
{
    public static bool Active(IServiceProvider services) =>
        services.GetRequiredService<IHostEnvironment>().IsDevelopment()
        && services.GetRequiredService<IConfiguration>().GetValue("Egalis:Demo", false);
}
