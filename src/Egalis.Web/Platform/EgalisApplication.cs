using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Modules;
using Egalis.Web.Platform.Web;

namespace Egalis.Web.Platform;

/// <summary>Builds and runs the site from the platform and the modules <c>Program.cs</c> lists.</summary>
public static class EgalisApplication
{
    public static async Task<int> RunAsync(string[] args, params IModule[] modules)
    {
        // No regular expression on user text may run for long: a match that takes more than a second fails
        // (the caller answers with a message), whichever pattern it is.
        AppContext.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(1));

        WebApplication app;
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.AddPlatform();
            var registration = new ModuleRegistration(builder);
            foreach (var module in modules)
            {
                module.Register(registration);
            }

            app = builder.Build();
            if (AdminCommand.IsRequested(args))
            {
                return await AdminCommand.RunAsync(app, args);
            }
            if (Backup.IsRequested(args))
            {
                return await Backup.RunAsync(app, args);
            }
            foreach (var module in modules)
            {
                if (await module.CommandAsync(app, args) is { } code)
                {
                    return code;
                }
            }

            // The modules' declarations are checked now (duplicate capabilities, menu entries naming an unknown one), not at the first request.
            app.Services.GetRequiredService<Ui.MenuRegistry>();
            app.UsePlatform();
            foreach (var module in modules)
            {
                module.Map(app);
            }
            await app.Services.InitializeDatabaseAsync();
        }
        catch (Exception e) when (Startup.Explain(e) is { } explication)
        {
            // One line that says what to fix, and a non-zero exit code: no stack trace for a configuration problem.
            Console.Error.WriteLine($"Egalis ne démarre pas : {explication}");
            return 1;
        }
        await app.RunAsync();
        return 0;
    }
}
