import { Link } from 'react-router';

/** The centred card framing the sign-in and sign-up forms. */
export function AuthCard({ title, subtitle, children, footer }) {
  return (
    <div className="mx-auto w-full max-w-md py-6 sm:py-12">
      <div className="card border border-base-300 bg-base-100 shadow-sm">
        <div className="card-body gap-5">
          <div>
            <Link to="/" className="text-sm font-semibold text-primary">Storyloom</Link>
            <h1 className="mt-1 text-2xl font-bold">{title}</h1>
            {subtitle && <p className="mt-1 text-base-content/70">{subtitle}</p>}
          </div>
          {children}
        </div>
      </div>
      {footer && <p className="mt-4 text-center text-sm text-base-content/70">{footer}</p>}
    </div>
  );
}
