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

    public const int TaillePage = 100;
    public const int TailleMaxPage = 500;

    private static int? Entier(string? texte, int min, int max, string champ, string message, Dictionary<string, string[]> erreurs)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            return null;
        }
        if (texte.Length <= 6 && int.TryParse(texte, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        erreurs[champ] = [message];
        return null;
    }

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/deliberations").AllowAnonymous().CacheOutput(Platform.Caching.PublicCache.Policy).WithTags("Délibérations");

        api.MapGet("", async (string? assemblee, string? annee, string? page, string? parPage, Registre registre, MatieresActes matieres,
                HttpResponse reponse, CancellationToken ct) =>
            {
                var erreurs = new Dictionary<string, string[]>();
                var an = Entier(annee, 1900, 2200, "annee", "L'année doit être un nombre à 4 chiffres, par exemple 2019.", erreurs);
                var numero = Entier(page, 1, 100_000, "page", "La page doit être un nombre entier à partir de 1.", erreurs);
                var taille = Entier(parPage, 1, TailleMaxPage, "parPage", $"Le nombre de délibérations par page va de 1 à {TailleMaxPage}.", erreurs);
                if (erreurs.Count > 0)
                {
                    return Results.ValidationProblem(erreurs);
                }
                var code = string.IsNullOrWhiteSpace(assemblee) ? null : assemblee.Trim().ToUpperInvariant();
                var (actes, pagination) = await registre.PageAsync(code, an, numero, taille ?? TaillePage, ct);
                var filtres = new Dictionary<string, string?> { ["assemblee"] = code, ["annee"] = an?.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                if (!Platform.Web.PagingHeaders.Write(reponse, pagination, numero, filtres))
                {
                    return Results.Ok(new List<DeliberationDto>());
                }
                return Results.Ok(actes.Select(a => Dto(a, matieres)).ToList());
            })
            .WithSummary($"Délibérations, filtrées par assemblée (code : CM, CT1 à CT6, BUREAU) et par année, les plus récentes d'abord, par pages de {TaillePage} (parPage : jusqu'à {TailleMaxPage}) ; en-têtes X-Total-Count et Link")
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
