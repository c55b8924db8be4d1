using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Egalis.Tests.Infrastructure;

/// <summary>
/// A form as the page renders it, submitted as a browser would: to its own action URL, with every
/// field it holds (hidden fields and the antiforgery token included, checked boxes and radios only,
/// each select's chosen option). A test changes only the fields a person would touch; naming a field
/// the form does not have, or an option a select does not offer, fails the test — which is what
/// catches a form posting to a wrong address or under a wrong name.
/// </summary>
public sealed class Formulaire
{
    private readonly List<KeyValuePair<string, string>> _champs;
    private readonly Dictionary<string, HashSet<string>?> _noms;
    private readonly List<(string Texte, string? Action)> _boutons;
    private readonly HashSet<string> _fichiers;
    private readonly bool _multipart;

    private Formulaire(string action, List<KeyValuePair<string, string>> champs, Dictionary<string, HashSet<string>?> noms, List<(string, string?)> boutons,
        HashSet<string> fichiers, bool multipart)
    {
        Action = action;
        _champs = champs;
        _noms = noms;
        _boutons = boutons;
        _fichiers = fichiers;
        _multipart = multipart;
    }

    /// <summary>Where the form posts, as rendered (path and query).</summary>
    public string Action { get; }

    /// <summary>Every field name the form holds (hidden, text, lists, boxes).</summary>
    public IReadOnlyCollection<string> Champs => _noms.Keys;

    /// <summary>Where the page's POST forms (and their buttons) post, each once: what a test can pick with <see cref="Depuis"/>.</summary>
    public static List<string> Actions(string html, string pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var page = new Uri(new Uri("http://localhost"), pageUrl);
        var urls = document.QuerySelectorAll<IHtmlFormElement>("form")
            .Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => new[] { Cible(f, page) }.Concat(f.QuerySelectorAll("button[formaction], input[formaction]")
                .Select(b => new Uri(page, System.Net.WebUtility.HtmlDecode(b.GetAttribute("formaction")!)))))
            .Select(u => u.PathAndQuery)
            .ToList();
        return urls.GroupBy(u => u, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1).Select(g => g.Key).ToList();
    }

    /// <summary>The form with one field sent twice: what no page sends, for tests of what the server refuses.</summary>
    public Task<HttpResponseMessage> EnvoyerAvecDoublonAsync(HttpClient client, string nom, string valeur)
    {
        var corps = new List<KeyValuePair<string, string>>(_champs) { new(nom, valeur) };
        if (!_multipart)
        {
            return client.PostAsync(Action, new FormUrlEncodedContent(corps));
        }
        var multipart = new MultipartFormDataContent();
        foreach (var (n, v) in corps)
        {
            multipart.Add(new StringContent(v), n);
        }
        return client.PostAsync(Action, multipart);
    }

    /// <summary>The value a field holds as rendered (the first one for a repeated name).</summary>
    public string? Valeur(string nom) => _champs.FirstOrDefault(c => c.Key == nom).Value;

    /// <summary>
    /// Loads the page and picks one form: the one whose action contains <paramref name="action"/>
    /// (case-insensitive, for example « ?handler=vote »), or, without it, the one posting to the page itself.
    /// </summary>
    public static async Task<Formulaire> LireAsync(HttpClient client, string pageUrl, string? action = null)
    {
        var html = await client.GetStringAsync(pageUrl);
        return Depuis(html, pageUrl, action);
    }

    public static Formulaire Depuis(string html, string pageUrl, string? action = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        var page = new Uri(new Uri("http://localhost"), pageUrl);
        // A form posts to its action, or to a submit button's formaction.
        var formulaires = document.QuerySelectorAll<IHtmlFormElement>("form")
            .Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => new[] { (Form: f, Url: Cible(f, page)) }.Concat(f.QuerySelectorAll("button[formaction], input[formaction]")
                .Select(b => (Form: f, Url: new Uri(page, System.Net.WebUtility.HtmlDecode(b.GetAttribute("formaction")!))))))
            .DistinctBy(f => (f.Form, f.Url.PathAndQuery))
            .ToList();
        var choisis = action is null
            ? formulaires.Where(f => f.Url.AbsolutePath.Equals(page.AbsolutePath, StringComparison.OrdinalIgnoreCase) && !f.Url.Query.Contains("handler=", StringComparison.OrdinalIgnoreCase)).ToList()
            : formulaires.Where(f => Correspond(f.Url, action)).ToList();
        if (choisis.Count != 1)
        {
            throw new InvalidOperationException($"{choisis.Count} formulaires correspondent à « {action ?? "(la page)"} » sur {pageUrl} ; formulaires présents : {string.Join(", ", formulaires.Select(f => f.Url.PathAndQuery))}");
        }
        var (form, url) = choisis[0];
        var champs = new List<KeyValuePair<string, string>>();
        var noms = new Dictionary<string, HashSet<string>?>();
        var fichiers = new HashSet<string>();
        // Submit buttons may post elsewhere (formaction): a test clicks one by its text.
        var boutons = form.QuerySelectorAll("button, input[type=submit]")
            .Where(b => b.GetAttribute("type") is null or "submit")
            .Select(b => (Texte: (b.TextContent.Length > 0 ? b.TextContent : b.GetAttribute("value") ?? "").Trim(),
                Action: b.GetAttribute("formaction") is { Length: > 0 } fa ? new Uri(page, System.Net.WebUtility.HtmlDecode(fa)).PathAndQuery : null))
            .ToList();
        foreach (var element in form.Elements)
        {
            var nom = element.GetAttribute("name");
            if (string.IsNullOrEmpty(nom) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "file":
                    fichiers.Add(nom);
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    noms.TryAdd(nom, null);
                    if (input.IsChecked)
                    {
                        champs.Add(new(nom, input.GetAttribute("value") ?? "on"));
                    }
                    break;
                case IHtmlInputElement input:
                    noms.TryAdd(nom, null);
                    champs.Add(new(nom, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlTextAreaElement zone:
                    noms.TryAdd(nom, null);
                    champs.Add(new(nom, zone.TextContent.StartsWith('\n') ? zone.TextContent[1..] : zone.TextContent));
                    break;
                case IHtmlSelectElement liste:
                    var options = liste.Options.Select(o => o.GetAttribute("value") ?? o.TextContent).ToHashSet();
                    noms[nom] = options;
                    var choisie = liste.Options.FirstOrDefault(o => o.HasAttribute("selected")) ?? liste.Options.FirstOrDefault();
                    if (choisie is not null)
                    {
                        champs.Add(new(nom, choisie.GetAttribute("value") ?? choisie.TextContent));
                    }
                    break;
            }
        }
        return new Formulaire(url.PathAndQuery, champs, noms, boutons, fichiers, string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>« ?handler=mandat&amp;mandat=2 » matches a form posting to « …?mandat=2&amp;handler=Mandat »: path part contained, every query pair present.</summary>
    private static bool Correspond(Uri url, string selecteur)
    {
        var i = selecteur.IndexOf('?', StringComparison.Ordinal);
        var chemin = i < 0 ? selecteur : selecteur[..i];
        if (chemin.Length > 0 && !url.AbsolutePath.Equals(chemin, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        static HashSet<string> Paires(string q) => q.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.ToLowerInvariant()).ToHashSet();
        var voulues = i < 0 ? [] : Paires(selecteur[i..]);
        var presentes = Paires(url.Query);
        // Without a handler, the page's own form: not one posting to a handler.
        return voulues.IsSubsetOf(presentes) && (voulues.Any(p => p.StartsWith("handler=", StringComparison.Ordinal)) || !presentes.Any(p => p.StartsWith("handler=", StringComparison.Ordinal)));
    }

    private static Uri Cible(IHtmlFormElement form, Uri page)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? page : new Uri(page, System.Net.WebUtility.HtmlDecode(action));
    }

    /// <summary>
    /// Posts the form with these fields changed. A null value unchecks a box or empties nothing else:
    /// it removes the field, as an unchecked box does. A name starting with « ! » bypasses the checks
    /// (a tampered request, for tests of what the server refuses).
    /// </summary>
    public Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, Dictionary<string, string?>? valeurs = null, string? bouton = null,
        Dictionary<string, (string Nom, byte[] Contenu)>? fichiers = null, string? vers = null, Dictionary<string, IReadOnlyList<string>>? plusieurs = null)
    {
        // « vers »: the same form posted elsewhere by the page's script (a draft saved as one types).
        var action = vers ?? Action;
        if (bouton is not null)
        {
            var trouves = _boutons.Where(b => b.Texte.Contains(bouton, StringComparison.Ordinal)).ToList();
            if (trouves.Count != 1)
            {
                throw new InvalidOperationException($"{trouves.Count} boutons « {bouton} » dans le formulaire {Action} ; boutons : {string.Join(", ", _boutons.Select(b => b.Texte))}");
            }
            action = trouves[0].Action ?? Action;
        }
        var corps = new List<KeyValuePair<string, string>>(_champs);
        foreach (var (cle, valeur) in valeurs ?? [])
        {
            var force = cle.StartsWith('!');
            var nom = force ? cle[1..] : cle;
            if (!force)
            {
                if (!_noms.TryGetValue(nom, out var options))
                {
                    throw new InvalidOperationException($"Le formulaire {Action} n'a pas de champ « {nom} » ; champs : {string.Join(", ", _noms.Keys)}");
                }
                if (options is not null && valeur is not null && !options.Contains(valeur))
                {
                    throw new InvalidOperationException($"La liste « {nom} » du formulaire {Action} ne propose pas « {valeur} » ; options : {string.Join(", ", options)}");
                }
            }
            corps.RemoveAll(c => c.Key == nom);
            if (valeur is not null)
            {
                corps.Add(new(nom, valeur));
            }
        }
        // Several values under one name: boxes of a list ticked together.
        foreach (var (nom, liste) in plusieurs ?? [])
        {
            if (!_noms.ContainsKey(nom))
            {
                throw new InvalidOperationException($"Le formulaire {Action} n'a pas de champ « {nom} » ; champs : {string.Join(", ", _noms.Keys)}");
            }
            corps.RemoveAll(c => c.Key == nom);
            corps.AddRange(liste.Select(v => new KeyValuePair<string, string>(nom, v)));
        }
        if (!_multipart)
        {
            if (fichiers is { Count: > 0 })
            {
                throw new InvalidOperationException($"Le formulaire {Action} n'envoie pas de fichier (pas d'enctype multipart/form-data).");
            }
            return client.PostAsync(action, new FormUrlEncodedContent(corps));
        }
        var multipart = new MultipartFormDataContent();
        foreach (var (nom, valeur) in corps)
        {
            multipart.Add(new StringContent(valeur), nom);
        }
        foreach (var (nom, (fichier, contenu)) in fichiers ?? [])
        {
            if (!_fichiers.Contains(nom))
            {
                throw new InvalidOperationException($"Le formulaire {Action} n'a pas de champ de fichier « {nom} ».");
            }
            multipart.Add(new ByteArrayContent(contenu), nom, fichier);
        }
        return client.PostAsync(action, multipart);
    }
}
