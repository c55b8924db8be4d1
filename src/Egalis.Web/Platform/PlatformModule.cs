using Egalis.Web.Platform.Audit;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Email;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Security;
using Egalis.Web.Platform.Ui;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Platform;

/// <summary>The cross-cutting pieces every module stands on.</summary>
public static class PlatformModule
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        Observability.Telemetry.Add(builder);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Collectivite.ProfilCollectivite.Load(configuration));
        var urlPublique = Hosting.PublicUrl(configuration, builder.Environment);
        Hosting.AddForwardedHeaders(services, configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddSingleton<AuditDescriptions>();
        IdentityAudit.Register(services);
        Files.FilesAudit.Register(services);

        var provider = DatabaseConfiguration.ReadProvider(configuration);
        var connectionString = DatabaseConfiguration.ReadConnectionString(configuration, provider);
        if (provider == DatabaseProvider.Sqlite)
        {
            DatabaseConfiguration.PrepareSqliteFolder(connectionString);
        }
        services.AddDbContext<EgalisDbContext>((sp, o) =>
        {
            DatabaseConfiguration.Configure(o, provider, connectionString);
            // Every interceptor registered (the public cache's; a test's command counter).
            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });

        Jobs.JobScheduler.Add(services, configuration, provider, connectionString);
        Jobs.JobScheduler.Declare<Jobs.RetentionJob>(services, Jobs.RetentionJob.Cle,
            "Efface ou anonymise les données personnelles dont la durée de conservation est passée", "chaque nuit à 3 h", "0 0 3 * * ?");
        services.AddSingleton<Extensions.IPersonalDataDeclaration, Audit.AuditLogPersonalData>();

        // Keys live in the database so that every web node can read every cookie.
        services.AddDataProtection().SetApplicationName("Egalis").PersistKeysToDbContext<EgalisDbContext>();

        services.AddIdentity<Utilisateur, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, checked as such: any character an address may hold (o'brien, accents).
                o.User.AllowedUserNameCharacters = "";
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<EgalisDbContext>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<UtilisateurClaimsFactory>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(48));
        // Every request checks the account's security stamp: signing out, a role or scope change and a password
        // reset change it, which ends every open session of that account at once (docs/adr/0007).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/compte/accesrefuse";
            o.Cookie.Name = "egalis";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Behind TLS (a public address in https), the session cookie is never sent in clear.
            o.Cookie.SecurePolicy = urlPublique?.Scheme == "https" ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // An API caller gets a status code, not a redirect to an HTML page.
            o.Events.OnRedirectToLogin = c => RedirectOrStatus(c, StatusCodes.Status401Unauthorized);
            // A refused access answers 403 where it was asked, with the French error page (no redirect to a page answering 200).
            o.Events.OnRedirectToAccessDenied = c =>
            {
                c.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Signed-in by default: a page or route is public only when it says so ([AllowAnonymous], .AllowAnonymous()).
        // Everything else is a capability that a module declares with the roles holding it (docs/modules.md).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<CapabilityCatalog>();
        services.AddScoped<Workflows.Workflows>();
        services.AddSingleton<Extensions.LinkTargets>();
        services.AddScoped<Files.FileStore>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, TerritorialScopeHandler>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, OwnerHandler>();
        services.AddSingleton<RolesSeeder>();
        services.AddSingleton(new SeederRegistration("roles", typeof(RolesSeeder), []));

        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddSingleton<DeferredEmails>();
        services.AddHostedService(sp => sp.GetRequiredService<DeferredEmails>());

        services.AddSingleton<MenuRegistry>();
        services.AddExceptionHandler<Unavailability>();
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.Add(new FeatureFolderRouteConvention());
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                FrenchBindingMessages.Apply(o.ModelBindingMessageProvider);
                o.ModelBinderProviders.Insert(0, new FlexibleDecimalBinderProvider());
            })
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddAntiforgery(o => o.Cookie.Name = "egalis-af");

        services.AddProblemDetails();
        services.AddEgalisRateLimits(configuration);
        Caching.PublicCache.Add(services, configuration);
        services.AddOpenApi();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Healthy means the site can write: a no-op update in a transaction rolled back (a read-only SQLite file or a
    /// read-only PostgreSQL fails it, where a mere connection would succeed). Null when healthy.
    /// </summary>
    private static async Task<string?> BaseInscriptibleAsync(EgalisDbContext db, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? "UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\" WHERE \"MigrationId\" = ''"
                : "UPDATE __EFMigrationsHistory SET ProductVersion = ProductVersion WHERE MigrationId = ''", ct);
            await transaction.RollbackAsync(ct);
            return null;
        }
        catch (Exception e) when (Unavailability.IsOutage(e))
        {
            return "base de données injoignable ou en lecture seule";
        }
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // First: the client's address and scheme as the known reverse proxy saw them (rate limits, HSTS, cookies).
        app.UseForwardedHeaders();
        Observability.Telemetry.UseSlowRequestLog(app);
        app.UseSecurityHeaders();
        // API errors are problem+json; pages get a French error page; never a stack trace in production.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = _ => StatusCodes.Status500InternalServerError });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), site =>
        {
            if (!app.Environment.IsDevelopment())
            {
                site.UseExceptionHandler("/erreur");
            }
            site.UseStatusCodePagesWithReExecute("/erreur", "?code={0}");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        var french = new System.Globalization.CultureInfo("fr-FR");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(french),
            SupportedCultures = [french],
            SupportedUICultures = [french],
        });
        app.UseStaticFiles();
        Observability.Telemetry.UseMetricsGuard(app);
        app.UseRouting();
        app.UseRateLimiter();
        // After rate limiting, so that a flood of forms is refused before any is read.
        app.UseNullCharacterRefusal();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi().AllowAnonymous();
        Observability.Telemetry.MapMetrics(app);
        Files.FileEndpoints.Map(app);
        // An address that leads nowhere is a 404 for everyone (the signed-in fallback policy would send a visitor to
        // the login page instead); the status code pages give it its French page or its problem+json.
        app.MapFallback("{*chemin}", context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet("/healthz", async (EgalisDbContext db, CancellationToken ct) =>
            await BaseInscriptibleAsync(db, ct) is { } probleme
                ? Results.Text(probleme, statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text("ok"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
