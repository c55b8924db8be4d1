using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations.Pages;

/// <summary>Holding an item: attendance, vote, then transmission to the prefecture.</summary>
[Authorize(Policy = Policies.Secretariat)]
public class PointModel(EgalisDbContext db, SecretariatService secretariat, Registre registre, Plan.PlanService plans) : PageModel
{
    public sealed class PresenceInput
    {
        public int MandatId { get; set; }
        public StatutPresence Statut { get; set; }
        public int? MandataireId { get; set; }
        public string Nom { get; set; } = "";
    }

    public sealed class VoteInput
    {
        [Display(Name = "Pour")][Required(ErrorMessage = "Indiquez le nombre de voix pour.")][Range(0, 1000, ErrorMessage = "Un nombre de 0 à 1 000.")] public int? Pour { get; set; }
        [Display(Name = "Contre")][Required(ErrorMessage = "Indiquez le nombre de voix contre.")][Range(0, 1000, ErrorMessage = "Un nombre de 0 à 1 000.")] public int? Contre { get; set; }
        [Display(Name = "Abstentions")][Required(ErrorMessage = "Indiquez le nombre d'abstentions.")][Range(0, 1000, ErrorMessage = "Un nombre de 0 à 1 000.")] public int? Abstention { get; set; }
        [Display(Name = "Ne prennent pas part")][Required(ErrorMessage = "Indiquez le nombre de membres qui ne prennent pas part au vote.")][Range(0, 1000, ErrorMessage = "Un nombre de 0 à 1 000.")] public int? NePrendPasPart { get; set; }
        [Display(Name = "Scrutin secret")] public bool Secret { get; set; }
        [Display(Name = "Vote du président")] public string? VoixPresident { get; set; }
    }

    public sealed class TransmissionInput
    {
        [Display(Name = "Nouvel état")] public StatutTransmission Statut { get; set; }
        [Display(Name = "Date")][Required(ErrorMessage = "Indiquez la date.")] public DateOnly? Date { get; set; }
        [Display(Name = "Motif")][StringLength(500, ErrorMessage = "Le motif ne doit pas dépasser 500 caractères.")] public string? Motif { get; set; }
    }

    [BindProperty(Name = nameof(Presences))] public List<PresenceInput> Presences { get; set; } = [];
    [BindProperty(Name = nameof(Vote))] public VoteInput Vote { get; set; } = new();
    [BindProperty(Name = nameof(Transmission))] public TransmissionInput Transmission { get; set; } = new();
    [BindProperty(Name = nameof(Lien))] public LienInput Lien { get; set; } = new();

    public sealed class LienInput
    {
        /// <summary>« type|référence », from the list.</summary>
        [Display(Name = "Action du plan ou crédits")]
        [Required(ErrorMessage = "Choisissez une action ou des crédits.")]
        public string? Reference { get; set; }
    }

    public List<string> Liens { get; private set; } = [];
    public List<SelectListItem> ChoixLiens { get; private set; } = [];

    public Registre.Acte Acte { get; private set; } = null!;
    public PolitiqueQuorum Politique { get; private set; } = PolitiqueQuorum.DroitCommun;
    public string? ExplicationQuorum { get; private set; }
    public List<Mandat> Membres { get; private set; } = [];
    public List<SelectListItem> Transitions { get; private set; } = [];
    public List<SelectListItem> ChoixPresident { get; } = [new("Pour", "pour"), new("Contre", "contre")];
    public IReadOnlyList<(StatutPresence, string)> Statuts { get; } =
        [(StatutPresence.Present, "présent"), (StatutPresence.Represente, "représenté"), (StatutPresence.Excuse, "excusé"), (StatutPresence.Absent, "absent")];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await ChargerAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var enregistrees = await db.Set<Presence>().AsNoTracking().Where(p => p.PointId == id).ToListAsync(ct);
        if (enregistrees.Count == 0)
        {
            // By default, the attendance of the session's previous item: members rarely all change between two items.
            var precedent = await db.Set<PointOrdreDuJour>().AsNoTracking().Where(p => p.SeanceId == Acte.Seance.Id && p.Rang < Acte.Point.Rang)
                .OrderByDescending(p => p.Rang).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            enregistrees = precedent is null ? [] : await db.Set<Presence>().AsNoTracking().Where(p => p.PointId == precedent).ToListAsync(ct);
        }
        Presences = Membres.Select(m =>
        {
            var p = enregistrees.FirstOrDefault(x => x.MandatId == m.Id);
            return new PresenceInput { MandatId = m.Id, Nom = m.Elu!.Nom, Statut = p?.Statut ?? StatutPresence.Present, MandataireId = p?.MandataireMandatId };
        }).ToList();
        if (Acte.Scrutin is { } s)
        {
            Vote = new VoteInput { Pour = s.Pour, Contre = s.Contre, Abstention = s.Abstention, NePrendPasPart = s.NePrendPasPart, Secret = s.Secret,
                VoixPresident = s.VoixDuPresidentPour switch { true => "pour", false => "contre", _ => null } };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPresencesAsync(int id, CancellationToken ct)
    {
        ModelState.GarderFormulaire(nameof(Presences));
        if (await ChargerAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var noms = Membres.ToDictionary(m => m.Id, m => m.Elu!.Nom);
        foreach (var p in Presences)
        {
            p.Nom = noms.GetValueOrDefault(p.MandatId, "?");
        }
        var resultat = await secretariat.EnregistrerPresencesAsync(id,
            Presences.Select(p => new LignePresence(p.MandatId, p.Nom, p.Statut, p.Statut == StatutPresence.Represente ? p.MandataireId : null)).ToList(), ct);
        return await ConclureAsync(resultat, "", "Présences enregistrées.", id, ct);
    }

    public async Task<IActionResult> OnPostVoteAsync(int id, CancellationToken ct)
    {
        ModelState.GarderFormulaire(nameof(Vote));
        if (await ChargerAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            await RechargerPresencesAsync(id, ct);
            return Page();
        }
        var scrutin = new Scrutin(Vote.Pour!.Value, Vote.Contre!.Value, Vote.Abstention!.Value, Vote.NePrendPasPart!.Value, Vote.Secret,
            Vote.VoixPresident switch { "pour" => true, "contre" => false, _ => null });
        var resultat = await secretariat.EnregistrerVoteAsync(id, scrutin, registre, ct);
        return await ConclureAsync(resultat, "Vote", $"Vote enregistré : délibération {Libelles.Resultat(scrutin.Resultat())}.", id, ct);
    }

    public async Task<IActionResult> OnPostTransmissionAsync(int id, CancellationToken ct)
    {
        ModelState.GarderFormulaire(nameof(Transmission));
        if (await ChargerAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            await RechargerPresencesAsync(id, ct);
            return Page();
        }
        var resultat = await secretariat.ChangerTransmissionAsync(id, Transmission.Statut, Transmission.Date, Transmission.Motif, ct);
        return await ConclureAsync(resultat, "Transmission", $"Transmission : {Libelles.Transmission(Transmission.Statut)}.", id, ct);
    }

    public async Task<IActionResult> OnPostLienAsync(int id, CancellationToken ct)
    {
        ModelState.GarderFormulaire(nameof(Lien));
        if (await ChargerAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid || Lien.Reference!.Split('|') is not [var type, var reference])
        {
            ModelState.AddModelError("Lien.Reference", "Choisissez une action ou des crédits.");
            await RechargerPresencesAsync(id, ct);
            return Page();
        }
        var resultat = await secretariat.LierAsync(id, type, reference, ct);
        return await ConclureAsync(resultat, "Lien", "Lien ajouté.", id, ct);
    }

    private async Task<IActionResult> ConclureAsync(SecretariatService.Resultat resultat, string prefixe, string message, int id, CancellationToken ct)
    {
        if (!resultat.Ok)
        {
            foreach (var (champ, texte) in resultat.Erreurs)
            {
                ModelState.AddModelError(champ.Length == 0 || champ.StartsWith("presence-", StringComparison.Ordinal) || prefixe.Length == 0 ? champ : $"{prefixe}.{champ}", texte);
            }
            if (prefixe.Length > 0)
            {
                await RechargerPresencesAsync(id, ct);
            }
            return Page();
        }
        TempData["Message"] = message;
        return RedirectToPage(new { id });
    }

    private async Task RechargerPresencesAsync(int id, CancellationToken ct)
    {
        var enregistrees = await db.Set<Presence>().AsNoTracking().Where(p => p.PointId == id).ToListAsync(ct);
        Presences = Membres.Select(m => enregistrees.FirstOrDefault(x => x.MandatId == m.Id) is { } p
            ? new PresenceInput { MandatId = m.Id, Nom = m.Elu!.Nom, Statut = p.Statut, MandataireId = p.MandataireMandatId }
            : new PresenceInput { MandatId = m.Id, Nom = m.Elu!.Nom }).ToList();
    }

    private async Task<IActionResult?> ChargerAsync(int id, CancellationToken ct)
    {
        var acte = (await registre.ListeAsync(pointId: id, ct: ct)).SingleOrDefault();
        if (acte is null)
        {
            return NotFound();
        }
        if (!PorteeSecretariat.PeutGerer(User, acte.Assemblee))
        {
            return Forbid();
        }
        Acte = acte;
        Politique = PolitiqueQuorum.Trouver(acte.Seance.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun;
        if (acte.Presents is not null && acte.MembresEnExercice is not null && acte.Seance.SeanceInitialeId is null)
        {
            ExplicationQuorum = Politique.Evaluer(acte.MembresEnExercice.Value, acte.Presents.Value, acte.Representes ?? 0).Explication(Politique, acte.MembresEnExercice.Value);
        }
        Membres = await secretariat.MembresEnExerciceAsync(acte.Seance.AssembleeId, acte.Seance.Date, ct);
        var liens = await db.Set<LienDeliberation>().AsNoTracking().Where(l => l.PointId == id).ToListAsync(ct);
        Liens = liens.Select(l => l.Type switch
        {
            LiensDeliberation.ActionPlan => $"Action {l.Reference} du plan",
            LiensDeliberation.CreditBudgetaire => $"Crédits du plan pour {l.Reference}",
            LiensDeliberation.LigneBudgetaire => $"Ligne budgétaire {l.Reference}",
            LiensDeliberation.Plan => "Le plan dans son ensemble",
            _ => $"{l.Type} {l.Reference}",
        }).ToList();
        var actions = await plans.ActionsAsync(ct);
        var exercices = await db.Set<Budget.Exercice>().AsNoTracking().OrderBy(e => e.Annee).Select(e => e.Annee).ToListAsync(ct);
        ChoixLiens = [new SelectListItem("Le plan dans son ensemble", $"{LiensDeliberation.Plan}|{Plan.PlanService.PlanPrincipal}"),
            .. actions.Select(a => new SelectListItem($"Action {a.Code} – {a.Titre}", $"{LiensDeliberation.ActionPlan}|{a.Code}")),
            .. exercices.Select(a => new SelectListItem($"Crédits du plan pour {a}", $"{LiensDeliberation.CreditBudgetaire}|{a}"))];
        Transitions = (acte.Point.Transmission switch
        {
            StatutTransmission.ATransmettre => [StatutTransmission.Transmis],
            StatutTransmission.Transmis => [StatutTransmission.Acquitte, StatutTransmission.Refuse],
            StatutTransmission.Refuse => [StatutTransmission.Transmis],
            _ => Array.Empty<StatutTransmission>(),
        }).Select(s => new SelectListItem(Libelles.Transmission(s), s.ToString())).ToList();
        return null;
    }
}
