using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Budget;

/// <summary>
/// The budget line of the founding deliberation (article 3: sous-politique D110, nature 65748,
/// fonction 552) and the first year's credit: 60 000 € for 2020, the first year after adoption.
/// Created once; the team's later changes are kept.
/// </summary>
public sealed class BudgetSeeder : ISeeder
{
    public const int PremiereAnnee = 2020;


    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        // The line and first credit the collectivité's founding deliberation opens (its profile says which), if any.
        if (services.GetRequiredService<Platform.Collectivite.ProfilCollectivite>().LigneBudgetaire is not { } source)
        {
            return;
        }
        var ligne = await db.Set<LigneBudgetaire>().SingleOrDefaultAsync(l => l.SousPolitique == source.SousPolitique && l.Nature == source.Nature && l.Fonction == source.Fonction, ct);
        if (ligne is not null)
        {
            return;
        }
        ligne = new LigneBudgetaire { SousPolitique = source.SousPolitique, Nature = source.Nature, Fonction = source.Fonction, Libelle = source.Libelle };
        db.Add(ligne);
        if (!await db.Set<Exercice>().AnyAsync(e => e.Annee == source.PremiereAnnee, ct))
        {
            db.Add(new Exercice { Annee = source.PremiereAnnee });
        }
        await db.SaveChangesAsync(ct);
        db.Add(new Credit { Annee = source.PremiereAnnee, LigneBudgetaireId = ligne.Id, Montant = source.Credits });
        await db.SaveChangesAsync(ct);
    }
}
