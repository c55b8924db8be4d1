using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations.Pages;

/// <summary>
/// Holding an item and following its act: attendance and vote once the session's day has come, then
/// signature, transmission to the prefecture, and — once signed — only rectifications of material errors.
/// </summary>
[Authorize(Policy = DeliberationsModule.TenirLeSecretariat)]
// Twice the file limit: a file a little too big gets its French message rather than the server's refusal.
[RequestSizeLimit(2 * PiecesActe.TailleMax)]
public class PointModel(PorteeSecretariat portee, Platform.Files.FileStore fichiers, Platform.Workflows.Workflows workflows, EgalisDbContext db, SecretariatService secretariat, Registre registre, Platform.Extensions.LinkTargets cibles, MatieresActes matieres, TimeProvider time) : PageModel
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

    public sealed class DateInput
    {
        [Display(Name = "Date de signature")][Required(ErrorMessage = "Indiquez la date de signature.")] public DateOnly? Date { get; set; }
    }

    public sealed class TransmissionInput
    {
        [Display(Name = "Nouvel état")] public StatutTransmission Statut { get; set; }
        [Display(Name = "Date")][Required(ErrorMessage = "Indiquez la date.")] public DateOnly? Date { get; set; }
        [Display(Name = "Motif")][StringLength(500, ErrorMessage = "Le motif ne doit pas dépasser 500 caractères.")] public string? Motif { get; set; }
    }

    public sealed class RectificationInput
    {
        [Display(Name = "Partie du texte à rectifier")][Required(ErrorMessage = "Choisissez la partie du texte à rectifier.")] public string? Champ { get; set; }
        [Display(Name = "Texte rectifié")][StringLength(ChampsRectifiables.TailleMax, ErrorMessage = "Le texte rectifié fait au plus 100 000 caractères.")] public string? Valeur { get; set; }
        [Display(Name = "Erreur matérielle corrigée")][Required(ErrorMessage = "Indiquez l'erreur matérielle corrigée.")][StringLength(1000, ErrorMessage = "1 000 caractères au plus.")] public string? Motif { get; set; }
    }

    public sealed class LienInput
    {
        /// <summary>« type|référence », from the list.</summary>
        [Display(Name = "Ce que l'acte concerne")]
        [Required(ErrorMessage = "Choisissez un élément de la liste.")]
        public string? Reference { get; set; }
    }

    public sealed class LienActeInput
    {
        [Display(Name = "Cet acte")] public string Type { get; set; } = LiensDeliberation.RetraitActe;
        [Display(Name = "Numéro de l'acte antérieur")][Required(ErrorMessage = "Indiquez le numéro de l'acte antérieur, par exemple 2019_CT2_587.")][StringLength(15, ErrorMessage = "Un numéro d'acte fait au plus 15 caractères.")] public string? ActeVise { get; set; }
    }

    [BindProperty(Name = nameof(Presences))] public List<PresenceInput> Presences { get; set; } = [];
    [BindProperty(Name = nameof(Vote))] public VoteInput Vote { get; set; } = new();
    [BindProperty(Name = nameof(Signature))] public DateInput Signature { get; set; } = new();
    [BindProperty(Name = nameof(Transmission))] public TransmissionInput Transmission { get; set; } = new();
    [BindProperty(Name = nameof(Rectification))] public RectificationInput Rectification { get; set; } = new();
    [BindProperty(Name = nameof(Point))] public PointInput Point { get; set; } = new();
    [BindProperty, Display(Name = "Je confirme : ce point et ses présences sont supprimés")] public bool Confirmation { get; set; }
    [BindProperty(Name = nameof(Lien))] public LienInput Lien { get; set; } = new();
    [BindProperty(Name = nameof(LienActe))] public LienActeInput LienActe { get; set; } = new();

    /// <summary>The records this act is linked to: in words, and their page.</summary>
    public List<(string Libelle, string? Url)> Liens { get; private set; } = [];
    public List<Registre.Relation> Relations { get; private set; } = [];
    public List<Rectification> Rectifications { get; private set; } = [];
    public List<SelectListItem> ChoixLiens { get; private set; } = [];
    public List<SelectListItem> ChoixLiensActes { get; } = [new("retire l'acte antérieur", LiensDeliberation.RetraitActe), new("remplace l'acte antérieur", LiensDeliberation.RemplacementActe)];
    public List<SelectListItem> ChoixChamps { get; } = ChampsRectifiables.Tous.Select(c => new SelectListItem(c.Libelle, c.Code)).ToList();

    public Registre.Acte Acte { get; private set; } = null!;
    public PolitiqueQuorum Politique { get; private set; } = PolitiqueQuorum.DroitCommun;
    public string? ExplicationQuorum { get; private set; }
    public List<Mandat> Membres { get; private set; } = [];
    public List<SelectListItem> Transitions { get; private set; } = [];
    /// <summary>The act's files (signed scan, annexes): added, never removed.</summary>
    public List<Platform.Files.StoredFile> Pieces { get; private set; } = [];
    [BindProperty, Display(Name = "Acte signé ou annexe (PDF)")] public IFormFile? Piece { get; set; }
    /// <summary>The transmission's steps: who recorded what, when, and why.</summary>
    public List<(Platform.Workflows.WorkflowStep Etape, string De, string Vers)> HistoriqueTransmission { get; private set; } = [];
    public List<SelectListItem> ChoixPresident { get; } = [new("Pour", "pour"), new("Contre", "contre")];
    public IReadOnlyList<(StatutPresence Statut, string Libelle)> Statuts { get; } =
        [(StatutPresence.Present, "présent"), (StatutPresence.Represente, "représenté"), (StatutPresence.Excuse, "excusé"), (StatutPresence.Absent, "absent")];
    public DateOnly Today { get; private set; }
    public bool SeanceVenue => Acte.Seance.Date <= Today;
    public bool Signe => Acte.Point.EstSigne;
    public bool ImportAnnulable => Acte.Point.ImporteLe is { } le && time.GetUtcNow() - le <= TimeSpan.FromDays(SecretariatService.JoursAnnulationImport);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refus)
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
        Presences = Lignes(enregistrees);
        return Page();
    }

    public async Task<IActionResult> OnPostPresencesAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Presences));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var noms = Membres.ToDictionary(m => m.Id, m => m.Elu!.Nom);
        foreach (var p in Presences)
        {
            p.Nom = noms.GetValueOrDefault(p.MandatId, "?");
        }
        // The proxy holder is passed as entered: a proxy given for a member not marked represented is refused with a message, never dropped.
        var resultat = await secretariat.EnregistrerPresencesAsync(id, Presences.Select(p => new LignePresence(p.MandatId, p.Nom, p.Statut, p.MandataireId)).ToList(), ct);
        return Conclure(resultat, "", "Présences enregistrées.", id);
    }

    public async Task<IActionResult> OnPostVoteAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Vote));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var scrutin = new Scrutin(Vote.Pour!.Value, Vote.Contre!.Value, Vote.Abstention!.Value, Vote.NePrendPasPart!.Value, Vote.Secret,
            Vote.VoixPresident switch { "pour" => true, "contre" => false, _ => null });
        var resultat = await secretariat.EnregistrerVoteAsync(id, scrutin, registre, ct);
        return Conclure(resultat, nameof(Vote), $"Vote enregistré : délibération {Libelles.Resultat(scrutin.Resultat())}. Elle est maintenant publiée au registre.", id);
    }

    public async Task<IActionResult> OnPostPriseActeAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await secretariat.EnregistrerVoteAsync(id, null, registre, ct);
        return Conclure(resultat, "", "Prise d'acte enregistrée. La délibération est maintenant publiée au registre.", id);
    }

    public async Task<IActionResult> OnPostSignerAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Signature));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await secretariat.SignerAsync(id, Signature.Date, ct);
        return Conclure(resultat, nameof(Signature), $"Acte signé le {Signature.Date:dd/MM/yyyy} : il ne se modifie plus. Il peut être transmis à la préfecture.", id);
    }

    public async Task<IActionResult> OnPostTransmissionAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Transmission));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await secretariat.ChangerTransmissionAsync(User, id, Transmission.Statut, Transmission.Date, Transmission.Motif, ct);
        return Conclure(resultat, nameof(Transmission), $"Transmission : {Libelles.Transmission(Transmission.Statut)}.", id);
    }

    /// <summary>Adds a file to the act (its signed scan, an annex): a PDF recognised by its content, 10 Mo at most.</summary>
    public async Task<IActionResult> OnPostPieceAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Piece));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var (fichier, resultat) = await fichiers.AddAsync(Piece, nameof(Piece), PiecesActe.TypeProprietaire, PiecesActe.Cle(id),
            [Platform.Files.FileFormat.Pdf], User, PiecesActe.TailleMax, ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, "");
            return Page();
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Pièce « {fichier!.Nom} » ajoutée à l'acte.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRectificationAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Rectification));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var auteur = PorteeUtilisateur.NomDe(User);
        var resultat = await secretariat.RectifierAsync(id, Rectification.Champ, Rectification.Valeur, Rectification.Motif, auteur, ct);
        var libelle = ChampsRectifiables.Find(Rectification.Champ)?.Libelle.ToLowerInvariant();
        return Conclure(resultat, nameof(Rectification), $"Rectification enregistrée ({libelle}) : l'acte publié la mentionne, avec le texte antérieur.", id);
    }

    public async Task<IActionResult> OnPostModifierAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Point));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await secretariat.ModifierPointAsync(id, Point.VersService(Acte.Seance.Id), Point.Version, matieres, ct);
        return Conclure(resultat, nameof(Point), "Point modifié.", id);
    }

    public async Task<IActionResult> OnPostSupprimerAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!Confirmation)
        {
            ModelState.AddModelError(nameof(Confirmation), "Cochez la case pour confirmer la suppression : elle ne se défait pas.");
            return Page();
        }
        var resultat = await secretariat.SupprimerPointAsync(id, ct);
        if (!resultat.Ok)
        {
            return Conclure(resultat, "", "", id);
        }
        TempData["Message"] = $"Le point {Acte.Point.Rang} « {Acte.Point.Objet} » est retiré de l'ordre du jour.";
        return Redirect($"/deliberations/seance/{Acte.Seance.Id}");
    }

    public async Task<IActionResult> OnPostAnnulerImportAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await secretariat.AnnulerImportAsync(id, ct);
        if (!resultat.Ok)
        {
            return Conclure(resultat, "", "", id);
        }
        TempData["Message"] = $"Import annulé : l'acte « {Acte.Point.Objet} » est retiré du registre, avec les membres que l'import avait créés et que rien d'autre n'utilise.";
        return Redirect("/deliberations/import");
    }

    public async Task<IActionResult> OnPostLienAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Lien));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (Lien.Reference!.Split('|') is not [var type, var reference])
        {
            ModelState.AddModelError("Lien.Reference", "Choisissez un élément de la liste.");
            return Page();
        }
        var resultat = await secretariat.LierAsync(id, type, reference, ct);
        return Conclure(resultat, nameof(Lien), "Lien ajouté.", id);
    }

    public async Task<IActionResult> OnPostLienActeAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(LienActe));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (LienActe.Type is not (LiensDeliberation.RetraitActe or LiensDeliberation.RemplacementActe))
        {
            ModelState.AddModelError("LienActe.Type", "Choisissez « retire » ou « remplace ».");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await secretariat.LierAsync(id, LienActe.Type, LienActe.ActeVise!, ct);
        var verbe = LienActe.Type == LiensDeliberation.RetraitActe ? "retire" : "remplace";
        return Conclure(resultat, nameof(LienActe), $"Cet acte {verbe} l'acte {LienActe.ActeVise!.Trim().ToUpperInvariant()} : les deux actes le mentionnent une fois celui-ci délibéré.", id);
    }

    private IActionResult Conclure(Result resultat, string prefixe, string message, int id)
    {
        if (!resultat.Ok)
        {
            foreach (var (champ, texte) in resultat.Errors)
            {
                ModelState.AddModelError(champ.Length == 0 || champ.StartsWith("presence-", StringComparison.Ordinal) || prefixe.Length == 0 ? champ : $"{prefixe}.{champ}", texte);
            }
            return Page();
        }
        TempData["Message"] = message;
        return RedirectToPage(new { id });
    }

    private List<PresenceInput> Lignes(List<Presence> enregistrees) => Membres.Select(m => enregistrees.FirstOrDefault(x => x.MandatId == m.Id) is { } p
        ? new PresenceInput { MandatId = m.Id, Nom = m.Elu!.Nom, Statut = p.Statut, MandataireId = p.MandataireMandatId }
        : new PresenceInput { MandatId = m.Id, Nom = m.Elu!.Nom }).ToList();

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var acte = (await registre.ListeAsync(pointId: id, inclureProjets: true, ct: ct)).SingleOrDefault();
        if (acte is null)
        {
            return NotFound();
        }
        if (!await portee.PeutGererAsync(User, acte.Assemblee))
        {
            return Forbid();
        }
        Acte = acte;
        Today = Paris.Today(time);
        Politique = PolitiqueQuorum.Find(acte.Seance.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun;
        if (acte.Presents is not null && acte.MembresEnExercice is not null && acte.Seance.SeanceInitialeId is null)
        {
            ExplicationQuorum = Politique.Evaluer(acte.MembresEnExercice.Value, acte.Presents.Value, acte.Representes ?? 0).Explication(Politique, acte.MembresEnExercice.Value);
        }
        Membres = await secretariat.MembresEnExerciceAsync(acte.Seance.AssembleeId, acte.Seance.Date, ct);
        ViewData["ChoixPoint"] = ChoixPoint.Pour(matieres, Membres);
        var liens = await db.Set<LienDeliberation>().AsNoTracking().Where(l => l.PointId == id && l.Type != LiensDeliberation.RetraitActe && l.Type != LiensDeliberation.RemplacementActe).ToListAsync(ct);
        Liens = liens.Select(l => (cibles.Label(l.Type, l.Reference), cibles.Find(l.Type)?.Url(l.Reference))).ToList();
        Relations = await registre.RelationsAsync(id, ct);
        // The secretariat also sees what this act withdraws or replaces before it is decided.
        var sortants = await db.Set<LienDeliberation>().AsNoTracking().Where(l => l.PointId == id && (l.Type == LiensDeliberation.RetraitActe || l.Type == LiensDeliberation.RemplacementActe)).ToListAsync(ct);
        foreach (var l in sortants.Where(l => Relations.All(r => r.PointId.ToString(System.Globalization.CultureInfo.InvariantCulture) != l.Reference)))
        {
            var cible = await db.Set<PointOrdreDuJour>().AsNoTracking().Where(p => p.Id.ToString() == l.Reference).Select(p => new { p.Id, p.NumeroActe, p.Seance!.Date }).SingleOrDefaultAsync(ct);
            if (cible is not null)
            {
                Relations.Add(new Registre.Relation(l.Type == LiensDeliberation.RetraitActe ? "Retire l'acte" : "Remplace l'acte", cible.Id, cible.NumeroActe, cible.Date));
            }
        }
        Rectifications = await db.Set<Rectification>().AsNoTracking().Where(r => r.PointId == id).OrderBy(r => r.Quand).ToListAsync(ct);
        // Every kind of record the modules declared (ILinkTarget), under its heading.
        ChoixLiens = [];
        var groupes = new Dictionary<string, SelectListGroup>(StringComparer.Ordinal);
        foreach (var cible in cibles.All.OrderBy(c => c.Group, StringComparer.Ordinal))
        {
            var groupe = groupes.TryGetValue(cible.Group, out var g) ? g : groupes[cible.Group] = new SelectListGroup { Name = cible.Group };
            ChoixLiens.AddRange((await cible.ChoicesAsync(db, ct)).Select(c => new SelectListItem(c.Libelle, $"{cible.Type}|{c.Reference}") { Group = groupe }));
        }
        {
            // Every form shows what is recorded — after a refused submission too, except the form that was sent.
            var gestionnaire = Request.Query["handler"].ToString();
            if (!gestionnaire.Equals("Modifier", StringComparison.OrdinalIgnoreCase))
            {
                Point = PointInput.Depuis(acte.Point);
            }
            if (!gestionnaire.Equals("Presences", StringComparison.OrdinalIgnoreCase))
            {
                Presences = Lignes(await db.Set<Presence>().AsNoTracking().Where(p => p.PointId == id).ToListAsync(ct));
            }
            if (!gestionnaire.Equals("Vote", StringComparison.OrdinalIgnoreCase) && acte.Scrutin is { } s)
            {
                Vote = new VoteInput { Pour = s.Pour, Contre = s.Contre, Abstention = s.Abstention, NePrendPasPart = s.NePrendPasPart, Secret = s.Secret,
                    VoixPresident = s.VoixDuPresidentPour switch { true => "pour", false => "contre", _ => null } };
            }
            if (!gestionnaire.Equals("Signer", StringComparison.OrdinalIgnoreCase))
            {
                Signature.Date = Today;
            }
        }
        // The steps the workflow allows from here (an unsigned act is not transmitted yet).
        Transitions = (acte.Point.DateSignature is null && acte.Point.Transmission == StatutTransmission.ATransmettre
                ? []
                : TransmissionActe.Workflow.From(acte.Point.Transmission))
            .Select(t => new SelectListItem(Libelles.Transmission(t.To), t.To.ToString())).ToList();
        HistoriqueTransmission = await workflows.HistoryAsync(TransmissionActe.Workflow, TransmissionActe.Cle(id), ct);
        Pieces = await fichiers.ListAsync(PiecesActe.TypeProprietaire, PiecesActe.Cle(id), ct);
        return null;
    }
}
