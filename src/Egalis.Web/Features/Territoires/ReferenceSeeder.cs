using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Territoires;

/// <summary>
/// Brings the reference tables in line with the reference files: inserts what is missing,
/// updates what changed, and does nothing on a second run.
/// </summary>
public static class ReferenceSeeder
{
    public static async Task SeedAsync(EgalisDbContext db, ReferenceData data, Platform.Collectivite.ProfilCollectivite profil, CancellationToken ct = default)
    {
        var metropole = await db.Set<Metropole>().FindAsync([profil.Siren], ct);
        if (metropole is null)
        {
            db.Add(new Metropole { Siren = profil.Siren, Nom = profil.Nom, CodeDepartement = profil.Departement });
        }

        var territoires = await db.ConseilsTerritoire.ToDictionaryAsync(t => t.Code, ct);
        foreach (var (code, nom) in data.ConseilsTerritoire)
        {
            if (!territoires.TryGetValue(code, out var existing))
            {
                db.ConseilsTerritoire.Add(new ConseilTerritoire { Code = code, Nom = nom });
            }
            else if (existing.Nom != nom)
            {
                existing.Nom = nom;
            }
        }

        var communes = await db.Communes.ToDictionaryAsync(c => c.CodeInsee, ct);
        foreach (var c in data.Communes)
        {
            if (!communes.TryGetValue(c.CodeInsee, out var e))
            {
                db.Communes.Add(new Commune
                {
                    CodeInsee = c.CodeInsee, Nom = c.Nom, Departement = c.Departement, ConseilTerritoireCode = c.ConseilTerritoireCode,
                    PopulationMunicipale = c.PopulationMunicipale, PopulationTotale = c.PopulationTotale, GeometrieGeoJson = c.GeometrieGeoJson,
                });
                continue;
            }
            e.Nom = c.Nom;
            e.Departement = c.Departement;
            e.ConseilTerritoireCode = c.ConseilTerritoireCode;
            e.PopulationMunicipale = c.PopulationMunicipale;
            e.PopulationTotale = c.PopulationTotale;
            e.GeometrieGeoJson = c.GeometrieGeoJson;
        }

        var qpvs = await db.Qpvs.Include(q => q.Communes).ToDictionaryAsync(q => q.Code, ct);
        foreach (var q in data.Qpvs)
        {
            if (!qpvs.TryGetValue(q.Code, out var e))
            {
                e = new Qpv { Code = q.Code, Nom = q.Nom, GeometrieGeoJson = q.GeometrieGeoJson };
                db.Qpvs.Add(e);
            }
            e.Nom = q.Nom;
            e.GeometrieGeoJson = q.GeometrieGeoJson;
            e.Communes.RemoveAll(l => !q.Communes.Contains(l.CommuneCodeInsee));
            foreach (var insee in q.Communes.Where(i => e.Communes.All(l => l.CommuneCodeInsee != i)))
            {
                e.Communes.Add(new QpvCommune { QpvCode = q.Code, CommuneCodeInsee = insee });
            }
        }

        var criteres = await db.CriteresDiscrimination.ToDictionaryAsync(c => c.Code, ct);
        foreach (var c in data.Criteres)
        {
            if (!criteres.TryGetValue(c.Code, out var e))
            {
                db.CriteresDiscrimination.Add(new CritereDiscrimination { Code = c.Code, Ordre = c.Ordre, Libelle = c.Libelle });
                continue;
            }
            e.Ordre = c.Ordre;
            e.Libelle = c.Libelle;
        }

        await db.SaveChangesAsync(ct);
    }
}
