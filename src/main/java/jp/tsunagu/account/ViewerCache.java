package jp.tsunagu.account;

import jakarta.enterprise.context.RequestScoped;
import jp.tsunagu.access.Viewer;

/** Holds the viewer for the rest of the request once it has been loaded. */
@RequestScoped
public class ViewerCache {
    Viewer viewer;
}
