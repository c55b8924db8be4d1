using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Egalis.Web.Platform.Security;

/// <summary>
/// Limits on login and on public POST endpoints, per client address. Limits are settings
/// (RateLimits:Login, RateLimits:PublicPost) so that a deployment can tune them.
/// </summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string PublicPost = "public-post";

    public static IServiceCollection AddEgalisRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Login, context => Partition(context, configuration, "Login", permit: 10));
            options.AddPolicy(PublicPost, context => Partition(context, configuration, "PublicPost", permit: 20));
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var delay)
                    ? (int)Math.Ceiling(delay.TotalSeconds)
                    : 60;
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                // A page answers with the French error page (« Trop de tentatives »), re-executed for this 429.
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    return;
                }
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Trop de tentatives",
                        Detail = $"Trop de demandes en peu de temps. Réessayez dans {retryAfter} secondes.",
                    },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, IConfiguration configuration, string name, int permit)
    {
        // Only POSTs are limited: reading a form must never be refused.
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("get");
        }
        var limit = configuration.GetValue($"RateLimits:{name}:PermitLimit", permit);
        var window = configuration.GetValue($"RateLimits:{name}:WindowSeconds", 60);
        var key = context.Connection.RemoteIpAddress?.ToString() ?? "inconnu";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromSeconds(window),
            QueueLimit = 0,
        });
    }
}
