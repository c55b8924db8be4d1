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
    public const decimal PremiersCredits = 60_000m;


    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var ligne = await db.Set<LigneBudgetaire>().SingleOrDefaultAsync(l => l.SousPolitique == "D110" && l.Nature == "65748" && l.Fonction == "552", ct);
        if (ligne is not null)
        {
            return;
        }
        ligne = new LigneBudgetaire
        {
            SousPolitique = "D110", Nature = "65748", Fonction = "552",
            Libelle = "Plan métropolitain de prévention et de lutte contre les discriminations",
        };
        db.Add(ligne);
        if (!await db.Set<Exercice>().AnyAsync(e => e.Annee == PremiereAnnee, ct))
        {
            db.Add(new Exercice { Annee = PremiereAnnee });
        }
        await db.SaveChangesAsync(ct);
        db.Add(new Credit { Annee = PremiereAnnee, LigneBudgetaireId = ligne.Id, Montant = PremiersCredits });
        await db.SaveChangesAsync(ct);
    }
}
