"""An invented news article and a site's menu, shared by the cleaner's tests: prose no real page
has, so a rule that keeps or drops it is a rule about shape, not about these words."""

ARTICLE = [
    "The river had been rising for three days before anyone in the village thought to move the "
    "sandbags from the old mill to the low road, and by then the water was already at the doors.",
    "Residents say the warnings came too late. The council's flood plan, drawn up after the last "
    "great flood in 2007, assumed that the upstream gauges would give at least a day's notice.",
    "This time the gauges failed in the storm. Engineers say a lightning strike knocked out the "
    "station at the weir, and no one noticed until the readings stopped arriving in the morning.",
    "By Thursday afternoon more than forty homes had been evacuated, and the village hall had "
    "become a shelter, with camp beds borrowed from the scout troop and soup from the pub kitchen.",
    "The council has promised a review of the warning system, but many residents are not waiting. "
    "A group of neighbours has started a rota to watch the river at night when rain is forecast.",
    "For now the water is falling, and the clean-up has begun. The hardest part, several people "
    "said, was not the flood itself but the days of not knowing whether it would come at all.",
]
NAV = ["Home", "News", "Local", "Weather", "Sport", "Opinion", "Subscribe", "Sign in"]
