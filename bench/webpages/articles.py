"""The invented articles of the development set: their words only (sites dress them in make_pages.py)."""

from __future__ import annotations

ARTICLES = {
    "budget": (
        "La maire de Saint-Aubin défend son budget",
        "Hausse de la taxe foncière, gel des embauches : Hélène Marchais répond aux critiques de l’opposition.",
        [
            "Le conseil municipal de Saint-Aubin a adopté lundi soir un budget de 48 millions d’euros, en hausse de 4 % sur un an. L’opposition a dénoncé une augmentation de la taxe foncière qu’elle juge injustifiée au regard des économies promises pendant la campagne.",
            "« Nous avons fait le choix de protéger les services publics plutôt que de reporter les travaux des écoles », explique Hélène Marchais, élue en 2020 à la tête d’une liste d’union de la gauche. Elle rappelle que la dotation de l’État a baissé de 600 000 euros depuis trois ans.",
            "Le groupe d’opposition conduit par Bernard Lestrade annonce un recours devant le tribunal administratif de Rennes. Il conteste la procédure suivie pour la vente d’un terrain communal, inscrite en recette au budget primitif.",
            "La municipalité prévoit par ailleurs la rénovation de la piscine Jean-Bouin, fermée depuis dix-huit mois, pour un coût estimé à 6,5 millions d’euros, dont un tiers financé par la région Bretagne.",
        ],
    ),
    "tramway": (
        "Le tramway du Val prolongé jusqu’à la gare de Montreuil-sur-Ille",
        "Les travaux commenceront à l’automne et dureront trois ans.",
        [
            "Le syndicat des transports du Val a validé jeudi le prolongement de la ligne B du tramway sur 4,2 kilomètres, jusqu’à la gare de Montreuil-sur-Ille. Sept nouvelles stations desserviront les quartiers nord, où vivent près de 20 000 habitants.",
            "Le chantier, estimé à 210 millions d’euros, doit débuter en octobre. Les commerçants de l’avenue de la Libération redoutent deux années de perturbations et réclament un fonds d’indemnisation comparable à celui créé à Angers lors des travaux de la ligne C.",
            "« C’est un projet attendu depuis quinze ans », a salué le président du syndicat, Yves Le Goff, qui promet une mise en service au printemps 2025. La SNCF s’est engagée à augmenter la fréquence des trains régionaux vers Rennes à partir de la même date.",
            "Une réunion publique est prévue le 12 mai à la salle des fêtes de Montreuil-sur-Ille pour présenter le tracé définitif et le calendrier des déviations.",
        ],
    ),
    "hopital": (
        "Urgences saturées : l’hôpital de Vitré rappelle ses soignants en congé",
        "La direction a déclenché le plan blanc vendredi après un afflux de patients.",
        [
            "Le centre hospitalier de Vitré a déclenché vendredi son plan blanc, une première depuis la crise sanitaire. Quarante-deux patients attendaient une prise en charge aux urgences en milieu de journée, dont une dizaine sur des brancards dans les couloirs.",
            "Selon la direction, l’épidémie de grippe et la fermeture de deux cabinets médicaux en ville expliquent cet afflux. Les soignants en congé ont été rappelés et les opérations non urgentes reportées à la semaine suivante.",
            "Le syndicat Sud Santé dénonce « une situation prévisible » et rappelle que onze postes d’infirmiers restent vacants. L’Agence régionale de santé de Bretagne a annoncé l’envoi de renforts venus de Fougères.",
        ],
    ),
    "festival": (
        "Le festival des Nuits du Val dévoile une programmation éclectique",
        "Quarante concerts gratuits sont annoncés du 5 au 9 juillet.",
        [
            "Pour sa douzième édition, le festival des Nuits du Val accueillera quarante concerts gratuits dans le parc du château de Combourg. La chanteuse Camille Renaud et le groupe nantais Les Ondes ouvriront le festival le 5 juillet.",
            "L’association organisatrice, qui compte trois cents bénévoles, a obtenu une subvention de 80 000 euros du département d’Ille-et-Vilaine. Elle espère attirer 60 000 spectateurs, contre 45 000 l’an dernier.",
            "Une scène sera réservée aux jeunes talents de la région, sélectionnés par un jury présidé par le musicien Alain Kerbrat. Les navettes depuis la gare de Combourg seront renforcées chaque soir jusqu’à deux heures du matin.",
        ],
    ),
    "associations": (
        "À Clichy-sous-Bois, les associations tiennent le quartier à bout de bras",
        None,
        [
            "Au pied de la tour 14, le local de l’association Horizon ne désemplit pas. Aide aux devoirs, permanence juridique, distribution de colis alimentaires : Fatima Benali et ses douze bénévoles assurent seuls ce que les services publics ont cessé de faire.",
            "« Depuis la fermeture de l’antenne de la CAF, les gens viennent ici pour remplir leurs dossiers », raconte-t-elle. La mairie verse à l’association une subvention de 8 000 euros par an, qui couvre à peine le loyer et le chauffage.",
            "Le préfet de Seine-Saint-Denis a promis en janvier un plan de soutien aux associations des quartiers prioritaires. Trois mois plus tard, aucune n’a reçu le moindre versement, assure Karim Djebbar, président d’un collectif de quartier.",
            "Les jeunes du quartier, eux, ont pris le relais : une dizaine d’étudiants donnent désormais des cours de mathématiques le samedi matin dans la salle polyvalente prêtée par le collège Pablo-Neruda.",
        ],
    ),
    "emploi": (
        "Premier emploi : le parcours du combattant des diplômés de banlieue",
        None,
        [
            "Master en poche, Yanis Haddad a envoyé deux cents candidatures en six mois. Trois entretiens, aucune offre. « Quand je mets mon adresse à Sevran, on ne me rappelle pas », affirme le jeune homme de 24 ans, diplômé en finance de l’université Paris-Nanterre.",
            "Une étude publiée en mars par l’Observatoire des inégalités confirme ce ressenti : à diplôme égal, les jeunes issus des quartiers prioritaires mettent en moyenne huit mois de plus à trouver un premier emploi stable que ceux des autres quartiers.",
            "Des dispositifs existent, comme le parrainage proposé par l’association Nos quartiers ont du talent, qui a accompagné 5 000 jeunes l’an dernier. Mais ils restent méconnus, regrette Sofia Mansouri, conseillère à la mission locale d’Aulnay-sous-Bois.",
        ],
    ),
    "jardins": (
        "Des jardins partagés pour reverdir la cité des Bosquets",
        None,
        [
            "Sur une ancienne dalle de parking, les habitants de la cité des Bosquets, à Montfermeil, cultivent désormais tomates, courgettes et plantes aromatiques. Le projet, porté par l’association Terre de partage, a vu le jour au printemps avec l’aide du bailleur social.",
            "Une quarantaine de familles se partagent les soixante parcelles. « On se parle plus qu’avant, les enfants viennent arroser après l’école », sourit Mariam Traoré, l’une des premières à s’être inscrite.",
            "La ville envisage d’étendre l’expérience à deux autres quartiers l’an prochain. Le bailleur Seine-Saint-Denis Habitat a promis de financer l’installation de récupérateurs d’eau de pluie sur les toits des immeubles voisins.",
        ],
    ),
    "boxe": (
        "Le club de boxe de Bobigny envoie trois jeunes aux championnats de France",
        None,
        [
            "Ils s’entraînent trois soirs par semaine dans un gymnase vétuste du quartier de l’Abreuvoir. Samedi, trois licenciés du Boxing Club de Bobigny disputeront les championnats de France cadets à Clermont-Ferrand, une première pour le club fondé en 1998.",
            "Leur entraîneur, Moussa Diallo, ancien champion d’Europe amateur, a financé une partie du déplacement de sa poche. La mairie a accordé une aide exceptionnelle de 1 500 euros, et une cagnotte en ligne a permis de réunir le reste.",
            "« La boxe leur apprend la discipline et le respect », assure l’entraîneur, qui rêve d’un nouveau gymnase. Le projet, chiffré à 2 millions d’euros, attend toujours le feu vert de l’Agence nationale pour la rénovation urbaine.",
        ],
    ),
    "sommet": (
        "Les ministres africains de l’Environnement réunis à Nairobi",
        None,
        [
            "Les ministres de l’Environnement de trente-deux pays africains se sont réunis lundi à Nairobi pour préparer la conférence des Nations unies sur le climat. Ils réclament que les pays industrialisés tiennent leur promesse de financement de 100 milliards de dollars par an.",
            "Le ministre kényan Samuel Otieno a plaidé pour un fonds spécifique destiné à l’adaptation des agriculteurs à la sécheresse, qui frappe la Corne de l’Afrique pour la troisième année consécutive.",
            "La Banque africaine de développement estime que le continent aura besoin de 50 milliards de dollars par an d’ici à 2030 pour s’adapter au changement climatique. Moins d’un quart de cette somme est aujourd’hui disponible.",
        ],
    ),
    "eurozone": (
        "La Grèce obtient un nouveau délai de ses créanciers",
        None,
        [
            "Les ministres des Finances de la zone euro ont accordé lundi à la Grèce un délai supplémentaire de deux ans pour ramener son déficit public sous la barre des 3 % du produit intérieur brut. En échange, Athènes devra accélérer son programme de privatisations.",
            "Le président de l’Eurogroupe, Jean-Claude Juncker, a salué « des progrès réels » tout en appelant le gouvernement grec à lutter plus efficacement contre la fraude fiscale. Le Fonds monétaire international doit se prononcer à son tour début juin.",
            "À Athènes, des milliers de manifestants se sont rassemblés devant le Parlement pour dénoncer de nouvelles mesures d’austérité. Les syndicats ont appelé à une grève générale de quarante-huit heures la semaine prochaine.",
        ],
    ),
    "election": (
        "Élections au Bénin : l’opposition conteste les résultats provisoires",
        None,
        [
            "La Commission électorale nationale autonome du Bénin a proclamé dimanche la victoire du président sortant avec 53 % des voix dès le premier tour. Son principal adversaire dénonce des fraudes massives dans plusieurs départements du nord du pays.",
            "Les observateurs de l’Union africaine ont relevé des irrégularités dans certains bureaux de vote, sans remettre en cause l’ensemble du scrutin. La Cour constitutionnelle dispose de dix jours pour examiner les recours.",
            "À Cotonou, la situation restait calme lundi matin, mais les forces de l’ordre ont été déployées autour du siège de la commission électorale et des principaux carrefours de la ville.",
        ],
    ),
    "eau": (
        "Accès à l’eau potable : le Sahel face à une crise sans précédent",
        None,
        [
            "Plus de douze millions de personnes manquent d’eau potable dans les pays du Sahel, selon un rapport publié mardi par l’Unicef. La baisse du niveau des nappes phréatiques et la multiplication des déplacements de population aggravent la situation.",
            "Au Niger, le nombre de forages en service a diminué d’un tiers en cinq ans, faute d’entretien. Les organisations humanitaires appellent les bailleurs à financer des pompes solaires, moins coûteuses à long terme que les groupes électrogènes.",
            "Le rapport souligne que les femmes et les filles consacrent en moyenne trois heures par jour à la corvée d’eau, au détriment de leur scolarité et de leurs activités rémunérées.",
        ],
    ),
    "port": (
        "Le port autonome de Lomé accueille un nouveau terminal à conteneurs",
        None,
        [
            "Le port autonome de Lomé a inauguré vendredi un terminal à conteneurs capable de traiter deux millions de conteneurs par an. L’investissement, de 450 millions d’euros, a été financé par un consortium d’opérateurs privés.",
            "Le Premier ministre a salué « une étape décisive » pour faire du Togo une plateforme logistique régionale, au service des pays enclavés comme le Burkina Faso et le Niger.",
            "La direction du port prévoit la création de 1 200 emplois directs d’ici deux ans. Les syndicats de dockers demandent des garanties sur les conditions de travail et la formation des agents.",
        ],
    ),
    "cacao": (
        "La filière cacao se restructure autour des coopératives",
        None,
        [
            "Le ministère de l’Agriculture a présenté lundi à Kpalimé un plan de relance de la filière cacao, qui fait vivre près de 30 000 familles dans la région des Plateaux. Les coopératives recevront des plants améliorés et des formations aux techniques de séchage.",
            "La production togolaise a reculé de 15 % en dix ans, victime du vieillissement des vergers et de la maladie du swollen shoot. Le gouvernement vise un doublement des exportations d’ici 2025.",
            "Les producteurs réunis au sein de la fédération Cacao-Plateaux saluent l’initiative mais réclament un prix d’achat garanti, comme au Ghana et en Côte d’Ivoire voisins.",
        ],
    ),
    "universite": (
        "L’université de Kara ouvre une filière en énergies renouvelables",
        None,
        [
            "L’université de Kara accueillera dès la rentrée ses premiers étudiants en licence professionnelle d’énergies renouvelables. La formation, créée avec le soutien de l’Agence française de développement, comptera quarante places.",
            "Les étudiants seront formés à l’installation et à la maintenance des centrales solaires, dont le pays multiplie la construction dans le cadre de son programme d’électrification rurale.",
            "Le président de l’université, le professeur Komi Agbeko, espère ouvrir un master dans trois ans, en partenariat avec des établissements du Bénin et du Ghana.",
        ],
    ),
    "lille": (
        "À Lille, les commerçants du Vieux-Lille face à la hausse des loyers",
        None,
        [
            "Rue de la Monnaie, trois boutiques sur dix ont baissé le rideau depuis janvier. Les commerçants indépendants du Vieux-Lille dénoncent des loyers qui ont augmenté de 30 % en cinq ans, poussés par l’arrivée des enseignes nationales.",
            "« Je paie 4 500 euros par mois pour quarante mètres carrés », témoigne Claire Vandamme, libraire depuis quinze ans. La mairie envisage d’utiliser son droit de préemption sur les baux commerciaux pour préserver la diversité du quartier.",
            "La chambre de commerce et d’industrie Grand Lille propose de son côté un dispositif d’aide à l’installation pour les jeunes créateurs, doté d’un million d’euros sur trois ans.",
        ],
    ),
    "radars": (
        "Les radars tronçons rapportent-ils vraiment plus que les autres ?",
        None,
        [
            "Depuis leur installation sur l’autoroute A1, les radars tronçons sont accusés par certains automobilistes d’être de véritables pompes à amendes. Les chiffres de la Sécurité routière nuancent ce constat.",
            "En 2022, les douze radars tronçons de la région ont relevé 84 000 infractions, soit moins que les radars fixes classiques installés sur la même portion. Leur principal effet est de réduire la vitesse moyenne sur plusieurs kilomètres.",
            "Le nombre d’accidents graves a baissé de 20 % sur les sections équipées, selon la préfecture du Nord, qui prévoit d’en installer deux nouveaux sur la RN41 avant la fin de l’année.",
        ],
    ),
    "maire_roubaix": (
        "Le maire de Roubaix : « La rénovation urbaine doit profiter aux habitants »",
        None,
        [
            "Alors que le chantier du quartier de l’Alma entre dans sa dernière phase, le maire de Roubaix, Guillaume Delbar, défend un projet contesté par une partie des habitants, inquiets de voir leurs loyers augmenter.",
            "« Nous avons imposé 40 % de logements sociaux dans chaque nouvelle opération », rappelle l’élu, qui promet que les locataires relogés conserveront un loyer équivalent. Il reconnaît toutefois des retards dans le relogement de certaines familles.",
            "L’atelier populaire d’urbanisme de l’Alma réclame un moratoire sur les démolitions prévues en 2024 et une consultation des habitants sur le devenir des espaces verts.",
        ],
    ),
    "canal": (
        "Le canal Seine-Nord Europe accumule les retards",
        None,
        [
            "Le chantier du canal Seine-Nord Europe, qui doit relier l’Oise au réseau fluvial du nord de l’Europe, ne sera pas achevé avant 2030, selon la Société du canal. Le coût du projet dépasse désormais 5 milliards d’euros.",
            "Les élus des Hauts-de-France s’inquiètent de ce nouveau glissement de calendrier. Les entreprises de travaux publics de la région comptaient sur ce chantier pour maintenir l’emploi de plusieurs milliers de salariés.",
            "L’Union européenne finance près de la moitié du projet. La Commission a rappelé que ses crédits devaient être engagés avant la fin de la période budgétaire en cours.",
        ],
    ),
}
