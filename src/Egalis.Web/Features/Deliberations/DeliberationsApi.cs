using Egalis.Web.Platform.Data;
using Egalis.Web.Features.Territoires;

namespace Egalis.Web.Features.Deliberations;

/// <summary>GET /api/v1/deliberations and /api/v1/deliberations/{actesId}.</summary>
public static class DeliberationsApi
{
    public sealed record MatiereDto(string Code, string? Nom);
    public sealed record VotesDto(int Pour, int Contre, int Abstention, int NePrendPasPart);
    public sealed record TransmissionDto(string Statut, DateOnly? DateTransmission, DateOnly? DateAccuse);
    public sealed record DeliberationDto(string? ActesId, string? Numero, string Assemblee, string AssembleeNom, DateOnly Date, string Objet, MatiereDto Matiere, string Nature,
        string? Resultat, int? MembresEnExercice, int? Presents, int? Representes, int? Absents, bool? QuorumAtteint, VotesDto? Votes, TransmissionDto Transmission);

    public static string Code(ResultatDeliberation? r) => r switch
    {
        ResultatDeliberation.Adoptee => "adoptee",
        ResultatDeliberation.Rejetee => "rejetee",
        ResultatDeliberation.PrendActe => "prend_acte",
        _ => "inconnu",
    };

    public static string Code(StatutTransmission s) => s switch
    {
        StatutTransmission.ATransmettre => "a_transmettre",
        StatutTransmission.Transmis => "transmis",
        StatutTransmission.Acquitte => "acquitte",
        _ => "refuse",
    };

    private static DeliberationDto Dto(Registre.Acte a, MatieresActes matieres) => new(
        a.ActesId, a.Point.NumeroActe, a.Assemblee.Code, a.Assemblee.Nom, a.Seance.Date, a.Point.Objet,
        new MatiereDto(a.Point.MatiereCode, matieres.Nom(a.Point.MatiereCode)), a.Point.NatureCode, a.Resultat is null ? null : Code(a.Resultat),
        a.MembresEnExercice, a.Presents, a.Representes, a.Absents, a.QuorumAtteint,
        a.Scrutin is { } s ? new VotesDto(s.Pour, s.Contre, s.Abstention, s.NePrendPasPart) : null,
        new TransmissionDto(Code(a.Point.Transmission), a.Point.DateTransmission, a.Point.DateAccuse));

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/deliberations").AllowAnonymous().CacheOutput(Platform.Caching.PublicCache.Policy).WithTags("Délibérations");

        api.MapGet("", async (string? assemblee, string? annee, Registre registre, MatieresActes matieres, CancellationToken ct) =>
            {
                int? an = null;
                if (!string.IsNullOrWhiteSpace(annee))
                {
                    if (!int.TryParse(annee, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a) || a is < 1900 or > 2200)
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]> { ["annee"] = ["L'année doit être un nombre à 4 chiffres, par exemple 2019."] });
                    }
                    an = a;
                }
                var actes = await registre.ListeAsync(string.IsNullOrWhiteSpace(assemblee) ? null : assemblee.Trim().ToUpperInvariant(), an, ct: ct);
                return Results.Ok(actes.Select(a => Dto(a, matieres)).ToList());
            })
            .WithSummary("Délibérations, filtrées par assemblée (code : CM, CT1 à CT6, BUREAU) et par année")
            .Produces<List<DeliberationDto>>()
            .ProducesValidationProblem();

        api.MapGet("/{actesId}", async (string actesId, Registre registre, MatieresActes matieres, CancellationToken ct) =>
            {
                var (id, erreurs) = ActesId.Lire(actesId);
                if (id is null)
                {
                    return Results.Problem(title: "Identifiant ACTES invalide", detail: string.Join(" ", erreurs), statusCode: StatusCodes.Status400BadRequest);
                }
                var acte = (await registre.ListeAsync(numeroActe: id.Numero, ct: ct)).FirstOrDefault(a => a.ActesId == id.ToString());
                return acte is null
                    ? Results.Problem(title: "Délibération introuvable", detail: $"Aucune délibération n'a l'identifiant {id}.", statusCode: StatusCodes.Status404NotFound)
                    : Results.Ok(Dto(acte, matieres));
            })
            .WithSummary("Une délibération, par son identifiant ACTES (DDD-SIREN-AAAAMMJJ-NUMERO-NN)")
            .Produces<DeliberationDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/opendata/deliberations.csv", (Registre registre, MatieresActes matieres, IConfiguration configuration, Platform.Collectivite.ProfilCollectivite profil, HttpRequest requete) =>
                OpenDataDeliberations.Csv(registre, matieres, configuration, profil, requete))
            .AllowAnonymous()
            .CacheOutput(Platform.Caching.PublicCache.Policy)
            .WithTags("Données ouvertes")
            .WithSummary("Délibérations au format SCDL délibérations 2.1.5 (CSV)");
    }
}
