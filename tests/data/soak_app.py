"""Tiny Streamlit app for the soak smoke test (used when app.py is absent). Shows shipped data only."""
import streamlit as st

from geo.geographies import get_geography
from indicators.dataset import load_dataset


@st.cache_resource
def dataset():
    return load_dataset(get_geography("stadtteile"))


ds = dataset()
ind = st.selectbox("Indikator", sorted(ds.catalogue))
st.dataframe(ds.values[ds.values["indicator"] == ind].tail(11))
