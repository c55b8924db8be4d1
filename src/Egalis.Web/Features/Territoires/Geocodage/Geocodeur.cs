using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Egalis.Web.Features.Territoires.Geocodage;

public sealed record AdresseGeocodee(string Libelle, double Latitude, double Longitude, string? CodeInsee, double Score);

/// <summary>Address → coordinates.</summary>
public interface IGeocodeur
{
    /// <summary>The best match, or null when the service is off, finds nothing, or does not answer.</summary>
    Task<AdresseGeocodee?> GeocoderAsync(string adresse, CancellationToken ct = default);
}

public sealed class BanOptions
{
    /// <summary>Off by default: no address leaves the platform unless a deployment turns it on.</summary>
    public bool Active { get; set; }
    public string Url { get; set; } = "https://api-adresse.data.gouv.fr/search/";
    public int TimeoutSeconds { get; set; } = 5;
    public int Tentatives { get; set; } = 3;
}

/// <summary>Client of the national address API (Base Adresse Nationale), with a timeout and retries.</summary>
public sealed class BanGeocodeur(HttpClient http, IOptions<BanOptions> options, ILogger<BanGeocodeur> logger) : IGeocodeur
{
    public async Task<AdresseGeocodee?> GeocoderAsync(string adresse, CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.Active || string.IsNullOrWhiteSpace(adresse))
        {
            return null;
        }
        var url = $"{o.Url}?q={Uri.EscapeDataString(adresse.Trim())}&limit=1";
        for (var attempt = 1; attempt <= Math.Max(1, o.Tentatives); attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
            try
            {
                using var response = await http.GetAsync(url, timeout.Token);
                if ((int)response.StatusCode >= 500 || (int)response.StatusCode == 429)
                {
                    logger.LogWarning("Géocodage : réponse {Status} (essai {Attempt})", (int)response.StatusCode, attempt);
                }
                else
                {
                    response.EnsureSuccessStatusCode();
                    await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                    return Parse(await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token));
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Géocodage indisponible (essai {Attempt})", attempt);
            }
            if (attempt < o.Tentatives)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }
        return null;
    }

    /// <summary>Reads the first feature of a BAN GeoJSON answer.</summary>
    public static AdresseGeocodee? Parse(JsonDocument document)
    {
        if (!document.RootElement.TryGetProperty("features", out var features) || features.GetArrayLength() == 0)
        {
            return null;
        }
        var feature = features[0];
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        var properties = feature.GetProperty("properties");
        return new AdresseGeocodee(
            properties.TryGetProperty("label", out var label) ? label.GetString() ?? "" : "",
            coordinates[1].GetDouble(),
            coordinates[0].GetDouble(),
            properties.TryGetProperty("citycode", out var city) ? city.GetString() : null,
            properties.TryGetProperty("score", out var score) ? score.GetDouble() : 0);
    }
}
